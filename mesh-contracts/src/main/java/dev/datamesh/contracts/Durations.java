package dev.datamesh.contracts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as contracts write them: ISO-8601 ({@code PT5M}, {@code P7D}), a number with a unit
 * ({@code 5m}, {@code 7d}, {@code 500ms}, {@code 1.5h}), or an SLA value with a separate unit (ODCS
 * {@code value: 3, unit: y}). A month is 30 days, a year 365 days. Stateless.
 */
public interface Durations {

  /** A number followed by a unit. */
  Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)");

  /** The accepted units. */
  Map<String, Duration> UNITS =
      Map.ofEntries(
          Map.entry("ms", Duration.ofMillis(1)),
          Map.entry("millis", Duration.ofMillis(1)),
          Map.entry("millisecond", Duration.ofMillis(1)),
          Map.entry("milliseconds", Duration.ofMillis(1)),
          Map.entry("s", Duration.ofSeconds(1)),
          Map.entry("sec", Duration.ofSeconds(1)),
          Map.entry("secs", Duration.ofSeconds(1)),
          Map.entry("second", Duration.ofSeconds(1)),
          Map.entry("seconds", Duration.ofSeconds(1)),
          Map.entry("m", Duration.ofMinutes(1)),
          Map.entry("min", Duration.ofMinutes(1)),
          Map.entry("mins", Duration.ofMinutes(1)),
          Map.entry("minute", Duration.ofMinutes(1)),
          Map.entry("minutes", Duration.ofMinutes(1)),
          Map.entry("h", Duration.ofHours(1)),
          Map.entry("hr", Duration.ofHours(1)),
          Map.entry("hrs", Duration.ofHours(1)),
          Map.entry("hour", Duration.ofHours(1)),
          Map.entry("hours", Duration.ofHours(1)),
          Map.entry("d", Duration.ofDays(1)),
          Map.entry("day", Duration.ofDays(1)),
          Map.entry("days", Duration.ofDays(1)),
          Map.entry("w", Duration.ofDays(7)),
          Map.entry("wk", Duration.ofDays(7)),
          Map.entry("week", Duration.ofDays(7)),
          Map.entry("weeks", Duration.ofDays(7)),
          Map.entry("mo", Duration.ofDays(30)),
          Map.entry("month", Duration.ofDays(30)),
          Map.entry("months", Duration.ofDays(30)),
          Map.entry("y", Duration.ofDays(365)),
          Map.entry("yr", Duration.ofDays(365)),
          Map.entry("yrs", Duration.ofDays(365)),
          Map.entry("year", Duration.ofDays(365)),
          Map.entry("years", Duration.ofDays(365)));

  /** Parses {@code PT5M} or {@code 5m}; empty if unreadable or not positive. */
  static Optional<Duration> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return positive(Duration.parse(trimmed));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    Matcher m = SHORT.matcher(trimmed);
    if (!m.matches()) {
      return Optional.empty();
    }
    return of(new BigDecimal(m.group(1)), m.group(2));
  }

  /** {@code amount} times {@code unit} ({@code d}, {@code hours}, ...); empty if unknown. */
  static Optional<Duration> of(BigDecimal amount, String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    Duration one = UNITS.get(unit.trim().toLowerCase(Locale.ROOT));
    if (one == null) {
      return Optional.empty();
    }
    try {
      long millis =
          amount.multiply(BigDecimal.valueOf(one.toMillis())).setScale(0).longValueExact();
      return positive(Duration.ofMillis(millis));
    } catch (ArithmeticException fractionOfAMillisecondOrOverflow) {
      return Optional.empty();
    }
  }

  /** A unit on its own ({@code h} as in {@code records/h}) is one of it. */
  static Optional<Duration> unitOrAmount(String text) {
    if (text != null && UNITS.containsKey(text.trim().toLowerCase(Locale.ROOT))) {
      return of(BigDecimal.ONE, text);
    }
    return parse(text);
  }

  private static Optional<Duration> positive(Duration d) {
    return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
  }

  /** A short form for messages: {@code 7d}, {@code 15m}, {@code 90s}, else ISO-8601. */
  static String format(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return d.toString();
    }
    if (d.toMillis() % Duration.ofDays(1).toMillis() == 0) {
      return d.toDays() + "d";
    }
    if (d.toMillis() % Duration.ofHours(1).toMillis() == 0) {
      return d.toHours() + "h";
    }
    if (d.toMillis() % Duration.ofMinutes(1).toMillis() == 0) {
      return d.toMinutes() + "m";
    }
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + "s";
    }
    return d.toString();
  }
}
