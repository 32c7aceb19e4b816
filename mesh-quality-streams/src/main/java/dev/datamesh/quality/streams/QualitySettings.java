package dev.datamesh.quality.streams;

import dev.datamesh.topics.MeshTopics;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the quality topology needs to know, independent of how it is configured (the service maps
 * {@code mesh.quality.*} onto it; docs/QUALITY.md lists the keys and defaults). Immutable;
 * validated on construction ({@link IllegalArgumentException} for unusable values).
 *
 * @param window size of the metrics window and of the windows of the SLA checks other than
 *     throughput (latency, dead-letter rate). Default 1 minute.
 * @param grace how long a window stays open for late records after its end. Default 30 s.
 * @param dedupeRetention how long seen unique keys are kept for duplicate detection (a
 *     duplicate-rule window longer than this only finds duplicates within this horizon). Default 2
 *     hours.
 * @param freshnessInterval how often (wall clock) freshness is checked and known products are
 *     announced. Default 10 s.
 * @param certifiedPattern which topics are certified topics. Default {@code .*\.certified}.
 * @param deadLetterPattern which topics are dead-letter topics. Default {@code .*\.dlq}.
 * @param statsTopic the gateway's per-product counts. Default {@code mesh.gateway.stats}.
 * @param metricsTopic output: one record per product and closed window.
 * @param alertsTopic output: alert lifecycle records.
 * @param healthTopic output (compacted): latest verdict per product; also read back as a global
 *     store.
 * @param partitions partitions of the internal by-product repartition topic. Default 3.
 * @param maxDeadLetterPercent the dead-letter rate (percent of a window's records) above which the
 *     validity check fails. Default 5.
 */
public record QualitySettings(
    Duration window,
    Duration grace,
    Duration dedupeRetention,
    Duration freshnessInterval,
    Pattern certifiedPattern,
    Pattern deadLetterPattern,
    String statsTopic,
    String metricsTopic,
    String alertsTopic,
    String healthTopic,
    int partitions,
    double maxDeadLetterPercent) {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DEDUPE_RETENTION = Duration.ofHours(2);
  public static final Duration DEFAULT_FRESHNESS_INTERVAL = Duration.ofSeconds(10);
  public static final String DEFAULT_CERTIFIED_PATTERN = ".*\\.certified";
  public static final String DEFAULT_DEAD_LETTER_PATTERN = ".*\\.dlq";
  public static final int DEFAULT_PARTITIONS = 3;
  public static final double DEFAULT_MAX_DEAD_LETTER_PERCENT = 5.0;

  public QualitySettings {
    positive(window, "window");
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
    positive(dedupeRetention, "dedupeRetention");
    positive(freshnessInterval, "freshnessInterval");
    Objects.requireNonNull(certifiedPattern, "certifiedPattern");
    Objects.requireNonNull(deadLetterPattern, "deadLetterPattern");
    notBlank(statsTopic, "statsTopic");
    notBlank(metricsTopic, "metricsTopic");
    notBlank(alertsTopic, "alertsTopic");
    notBlank(healthTopic, "healthTopic");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    if (!(maxDeadLetterPercent >= 0 && maxDeadLetterPercent <= 100)) {
      throw new IllegalArgumentException(
          "maxDeadLetterPercent must be within 0..100: " + maxDeadLetterPercent);
    }
  }

  /** The documented defaults and the standard topic names. */
  public static QualitySettings defaults() {
    return new QualitySettings(
        DEFAULT_WINDOW,
        DEFAULT_GRACE,
        DEFAULT_DEDUPE_RETENTION,
        DEFAULT_FRESHNESS_INTERVAL,
        Pattern.compile(DEFAULT_CERTIFIED_PATTERN),
        Pattern.compile(DEFAULT_DEAD_LETTER_PATTERN),
        MeshTopics.GATEWAY_STATS,
        MeshTopics.QUALITY_METRICS,
        MeshTopics.QUALITY_ALERTS,
        MeshTopics.PRODUCT_HEALTH,
        DEFAULT_PARTITIONS,
        DEFAULT_MAX_DEAD_LETTER_PERCENT);
  }

  /** These settings with other output topics. */
  public QualitySettings withOutputTopics(String metrics, String alerts, String health) {
    return new QualitySettings(
        window,
        grace,
        dedupeRetention,
        freshnessInterval,
        certifiedPattern,
        deadLetterPattern,
        statsTopic,
        metrics,
        alerts,
        health,
        partitions,
        maxDeadLetterPercent);
  }

  /** These settings with other windows. */
  public QualitySettings withWindow(Duration size, Duration lateness) {
    return new QualitySettings(
        size,
        lateness,
        dedupeRetention,
        freshnessInterval,
        certifiedPattern,
        deadLetterPattern,
        statsTopic,
        metricsTopic,
        alertsTopic,
        healthTopic,
        partitions,
        maxDeadLetterPercent);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  private static void notBlank(String s, String name) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
