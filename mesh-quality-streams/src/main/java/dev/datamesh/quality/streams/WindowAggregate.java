package dev.datamesh.quality.streams;

import dev.datamesh.topics.QualityMetricsEvent;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running measurements of one product in one open event-time window (a store value). Mutable;
 * owned by one stream thread. Serialized as JSON (fields).
 */
final class WindowAggregate {
  String productId;
  long start;
  long size;
  String contractVersion;
  long records;
  long deadLetters;
  long undecodable;
  long duplicates;
  Map<String, Long> deadLettersByCode = new TreeMap<>();
  Map<String, Long> nullCounts = new TreeMap<>();
  Map<String, Long> ruleViolations = new TreeMap<>();
  LagHistogram lag = new LagHistogram();

  WindowAggregate() {}

  static WindowAggregate open(String productId, long start, long size) {
    WindowAggregate window = new WindowAggregate();
    window.productId = productId;
    window.start = start;
    window.size = size;
    return window;
  }

  long end() {
    return start + size;
  }

  /** Counts a certified, undecodable or dead-lettered observation. */
  void add(Observation observation, long latencySlaMs) {
    switch (observation.kind()) {
      case DEAD_LETTER -> {
        deadLetters++;
        String code = observation.errorCode() == null ? "UNKNOWN" : observation.errorCode();
        deadLettersByCode.merge(code, 1L, Long::sum);
      }
      case UNDECODABLE -> {
        records++;
        undecodable++;
        lag(observation, latencySlaMs);
      }
      case CERTIFIED -> {
        records++;
        observation.nullFields().forEach(f -> nullCounts.merge(f, 1L, Long::sum));
        observation.violations().forEach(r -> ruleViolations.merge(r, 1L, Long::sum));
        lag(observation, latencySlaMs);
      }
      default -> {
        // STATS and KNOWN observations carry no window data
      }
    }
    if (observation.contractVersion() != null) {
      contractVersion = observation.contractVersion();
    }
  }

  /** Counts a duplicate of the definition {@code name} (unique key or a duplicate rule). */
  void duplicate(String name) {
    if (RecordInspector.UNIQUE_KEY.equals(name)) {
      duplicates++;
    } else {
      ruleViolations.merge(name, 1L, Long::sum);
    }
  }

  private void lag(Observation observation, long latencySlaMs) {
    if (observation.certifiedAt() >= 0) {
      lag.add(observation.certifiedAt() - observation.eventTime(), latencySlaMs);
    }
  }

  double deadLetterPercent() {
    long total = records + deadLetters;
    return total == 0 ? 0 : 100.0 * deadLetters / total;
  }

  QualityMetricsEvent toEvent(String fallbackVersion, long lateRecordsDropped) {
    return new QualityMetricsEvent(
        productId,
        contractVersion != null ? contractVersion : fallbackVersion,
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end()),
        records,
        deadLetters,
        deadLetterPercent() / 100.0,
        deadLettersByCode,
        nullCounts,
        ruleViolations,
        duplicates,
        new QualityMetricsEvent.Lag(
            lag.measured, lag.percentile(0.5), lag.percentile(0.95), lag.max, lag.overSla),
        lateRecordsDropped,
        undecodable);
  }
}
