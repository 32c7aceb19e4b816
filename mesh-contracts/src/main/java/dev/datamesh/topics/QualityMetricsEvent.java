package dev.datamesh.topics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record of {@link MeshTopics#QUALITY_METRICS}: the final measurements of one product over one
 * closed event-time window (emitted once, when the window closes). Key = product id; value = this
 * record as JSON ({@link MeshJson}). Format and semantics: docs/QUALITY.md.
 *
 * @param productId {@code <domain>.<product>}
 * @param contractVersion the contract version the window was checked against (empty if none)
 * @param windowStart start of the window (inclusive)
 * @param windowEnd end of the window (exclusive)
 * @param records certified records whose event time falls in the window
 * @param deadLetters dead-lettered records whose timestamp falls in the window
 * @param deadLetterRate {@code deadLetters / (records + deadLetters)}, 0 when both are 0
 * @param deadLettersByCode dead letters per {@code mesh.error.code}
 * @param nullCounts per field (JSON Pointer), the records in which the field was null or absent
 * @param ruleViolations per aggregate quality rule name, the records that broke it
 * @param duplicates records whose unique key was already seen earlier in the window
 * @param lag event-time lag (certified-at − event time)
 * @param lateRecordsDropped records that arrived after their window had closed (grace passed),
 *     counted since the previous metrics record of the product
 * @param undecodable certified records that could not be decoded (unknown schema, bad bytes)
 */
public record QualityMetricsEvent(
    String productId,
    String contractVersion,
    Instant windowStart,
    Instant windowEnd,
    long records,
    long deadLetters,
    double deadLetterRate,
    Map<String, Long> deadLettersByCode,
    Map<String, Long> nullCounts,
    Map<String, Long> ruleViolations,
    long duplicates,
    Lag lag,
    long lateRecordsDropped,
    long undecodable) {

  /**
   * Event-time lag of the window's certified records.
   *
   * @param measured records that carried a {@code mesh.certified.at} header
   * @param p50Ms estimated median lag, from a fixed histogram (ms)
   * @param p95Ms estimated 95th percentile lag, from a fixed histogram (ms)
   * @param maxMs exact maximum lag (ms)
   * @param overSla records whose lag exceeded the contract's latency SLA (0 without one)
   */
  public record Lag(long measured, long p50Ms, long p95Ms, long maxMs, long overSla) {}

  public QualityMetricsEvent {
    Objects.requireNonNull(productId, "productId");
    contractVersion = contractVersion == null ? "" : contractVersion;
    deadLettersByCode = deadLettersByCode == null ? Map.of() : Map.copyOf(deadLettersByCode);
    nullCounts = nullCounts == null ? Map.of() : Map.copyOf(nullCounts);
    ruleViolations = ruleViolations == null ? Map.of() : Map.copyOf(ruleViolations);
    lag = lag == null ? new Lag(0, 0, 0, 0, 0) : lag;
  }
}
