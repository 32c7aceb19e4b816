package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.QualityMetric;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.ServiceLevels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a closed window's measurements and a product's contract into check outcomes
 * (docs/QUALITY.md, "Checks"). Stateless and thread-safe.
 */
final class CheckEvaluator {
  static final String FRESHNESS = "freshness";
  static final String LATENCY = "latency";
  static final String THROUGHPUT = "volume/throughput";
  static final String DEAD_LETTER_RATE = "validity/deadLetterRate";

  private final QualitySettings settings;

  CheckEvaluator(QualitySettings settings) {
    this.settings = settings;
  }

  /** The checks whose window is {@code window}'s size, on its measurements. */
  List<CheckOutcome> evaluate(DataContract contract, WindowAggregate window) {
    List<CheckOutcome> outcomes = new ArrayList<>();
    for (QualityRule rule : contract.qualityRules()) {
      if (rule.window().toMillis() == window.size) {
        rule(rule, window).ifPresent(outcomes::add);
      }
    }
    contract
        .serviceLevels()
        .throughput()
        .filter(t -> t.window().toMillis() == window.size)
        .ifPresent(t -> outcomes.add(throughput(t, window)));
    if (window.size == settings.window().toMillis()) {
      contract.serviceLevels().latency().ifPresent(sla -> latency(sla, window, outcomes));
      deadLetters(window, outcomes);
    }
    return outcomes;
  }

  /** Only the volume checks, for a window in which nothing arrived at all. */
  List<CheckOutcome> evaluateEmpty(DataContract contract, WindowAggregate empty) {
    return evaluate(contract, empty).stream().filter(o -> o.kind().equals("volume")).toList();
  }

  /** Freshness: the newest certified event is at most the SLA old (wall clock). */
  static CheckOutcome freshness(Duration sla, long newestEventTime, long now) {
    Duration age = Duration.ofMillis(Math.max(0, now - newestEventTime));
    return new CheckOutcome(
        FRESHNESS,
        "freshness",
        "error",
        age.compareTo(sla) <= 0,
        "age " + age,
        "age <= " + sla,
        -1,
        -1);
  }

  private java.util.Optional<CheckOutcome> rule(QualityRule rule, WindowAggregate window) {
    boolean percent = rule.unit() == QualityRule.Unit.PERCENT;
    BigDecimal observed;
    if (rule.metric() == QualityMetric.ROW_COUNT) {
      observed = BigDecimal.valueOf(window.records);
      percent = false;
    } else {
      long count = window.ruleViolations.getOrDefault(rule.name(), 0L);
      if (percent) {
        if (window.records == 0) {
          return java.util.Optional.empty();
        }
        observed =
            BigDecimal.valueOf(count * 100)
                .divide(BigDecimal.valueOf(window.records), 2, RoundingMode.HALF_UP);
      } else {
        observed = BigDecimal.valueOf(count);
      }
    }
    String unit = percent ? " %" : " rows";
    return java.util.Optional.of(
        new CheckOutcome(
            kind(rule.metric()) + "/" + rule.name(),
            kind(rule.metric()),
            rule.severity().name().toLowerCase(Locale.ROOT),
            rule.threshold().isMetBy(observed),
            observed.stripTrailingZeros().toPlainString() + unit,
            rule.threshold() + unit + " per " + rule.window(),
            window.start,
            window.end()));
  }

  private static CheckOutcome throughput(ServiceLevels.Throughput t, WindowAggregate window) {
    boolean passing =
        window.records >= t.minRecords()
            && (t.maxRecords().isEmpty() || window.records <= t.maxRecords().getAsLong());
    String expected =
        t.maxRecords().isPresent()
            ? t.minRecords() + ".." + t.maxRecords().getAsLong() + " records per " + t.window()
            : ">= " + t.minRecords() + " records per " + t.window();
    return new CheckOutcome(
        THROUGHPUT,
        "volume",
        "warning",
        passing,
        window.records + " records",
        expected,
        window.start,
        window.end());
  }

  private static void latency(Duration sla, WindowAggregate window, List<CheckOutcome> sink) {
    LagHistogram lag = window.lag;
    if (lag.measured == 0) {
      return;
    }
    sink.add(
        new CheckOutcome(
            LATENCY,
            "latency",
            "warning",
            lag.p95Within(),
            "p95 ~"
                + Duration.ofMillis(lag.percentile(0.95))
                + ", "
                + lag.overSla
                + " of "
                + lag.measured
                + " over the SLA",
            "p95 <= " + sla,
            window.start,
            window.end()));
  }

  private void deadLetters(WindowAggregate window, List<CheckOutcome> sink) {
    if (window.records + window.deadLetters == 0) {
      return;
    }
    double percent = window.deadLetterPercent();
    sink.add(
        new CheckOutcome(
            DEAD_LETTER_RATE,
            "validity",
            "warning",
            percent <= settings.maxDeadLetterPercent(),
            String.format(Locale.ROOT, "%.2f %% (%d dead letters)", percent, window.deadLetters),
            String.format(Locale.ROOT, "<= %.2f %%", settings.maxDeadLetterPercent()),
            window.start,
            window.end()));
  }

  static String kind(QualityMetric metric) {
    return switch (metric) {
      case NULL_VALUES, MISSING_VALUES -> "completeness";
      case INVALID_VALUES -> "validity";
      case DUPLICATE_VALUES -> "uniqueness";
      case ROW_COUNT -> "volume";
    };
  }
}
