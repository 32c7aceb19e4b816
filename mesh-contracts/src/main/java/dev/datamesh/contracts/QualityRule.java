package dev.datamesh.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An aggregate quality rule, checked over event-time windows by the quality service (e.g. "null
 * rate of {@code /customerEmail} ≤ 1 % per 5 minutes"). Rules that tolerate no bad record at all
 * become {@link RecordRule}s instead and are enforced per record by the gateway.
 *
 * @param name stable name: the rule's ODCS {@code id}, else {@code name}, else derived from field
 *     and metric ({@code customerEmail.nullValues})
 * @param fields record pointers of the fields the rule measures; empty for dataset-level rules
 *     ({@code rowCount})
 * @param unit {@code rows} (a count per window) or {@code percent} (of the window's records)
 * @param window the tumbling event-time window the measurement is taken over
 * @param validValues the accepted values of an {@code invalidValues} rule (may be empty)
 * @param pattern the accepted pattern of an {@code invalidValues} rule
 * @param missingValues the values that count as missing for {@code missingValues} (null always
 *     counts)
 * @param source JSON Pointer of the rule in the contract
 */
public record QualityRule(
    String name,
    QualityMetric metric,
    List<String> fields,
    Threshold threshold,
    Unit unit,
    Duration window,
    RuleSeverity severity,
    List<String> validValues,
    Optional<String> pattern,
    List<String> missingValues,
    String description,
    String source) {

  /** What a measurement counts. */
  public enum Unit {
    ROWS,
    PERCENT
  }

  public QualityRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    fields = List.copyOf(fields);
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(severity, "severity");
    validValues = List.copyOf(validValues);
    Objects.requireNonNull(pattern, "pattern");
    missingValues = List.copyOf(missingValues);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
  }
}
