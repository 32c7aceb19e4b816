package dev.datamesh.lineage.openlineage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the quality service reported about one product: the measurements of one closed window
 * ({@code mesh.quality.metrics}) and/or the state of its checks ({@code mesh.quality.alerts}).
 *
 * @param productId {@code <domain>.<product>}
 * @param eventTime when it was observed (window end, or the alert's time)
 * @param metrics the window's measurements, if this came from a metrics record
 * @param assertions the latest result of every check of the product known so far
 */
public record QualityObservation(
    String productId,
    Instant eventTime,
    Optional<Metrics> metrics,
    List<AssertionResult> assertions) {

  /**
   * Measurements of one window.
   *
   * @param rowCount certified records in the window
   * @param deadLetters dead-lettered records in the window
   * @param nullCounts per field (JSON Pointer or name), records where it was null or absent
   * @param windowStart start of the window, if known
   * @param windowEnd end of the window, if known
   */
  public record Metrics(
      long rowCount,
      long deadLetters,
      Map<String, Long> nullCounts,
      Optional<Instant> windowStart,
      Optional<Instant> windowEnd) {
    public Metrics {
      nullCounts = Map.copyOf(nullCounts);
      Objects.requireNonNull(windowStart, "windowStart");
      Objects.requireNonNull(windowEnd, "windowEnd");
    }
  }

  /**
   * The latest result of one quality check.
   *
   * @param check the check's stable name (e.g. {@code freshness}, {@code
   *     completeness/couponCode.nullValues})
   * @param success false while the check's alert is firing
   * @param severity {@code error}, {@code warning} or {@code info}; empty if unknown
   * @param expected the threshold, as text; empty if unknown
   * @param actual what was measured, as text; empty if unknown
   * @param description one human-readable line; empty if none
   */
  public record AssertionResult(
      String check,
      boolean success,
      String severity,
      String expected,
      String actual,
      String description) {
    public AssertionResult {
      Objects.requireNonNull(check, "check");
      severity = severity == null ? "" : severity;
      expected = expected == null ? "" : expected;
      actual = actual == null ? "" : actual;
      description = description == null ? "" : description;
    }
  }

  public QualityObservation {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(metrics, "metrics");
    assertions = List.copyOf(assertions);
  }
}
