package dev.datamesh.contracts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SLA properties the mesh enforces ({@code slaProperties}); other ODCS SLA properties are kept
 * in the document only.
 *
 * @param latency most time from an event's time to its append to the certified topic
 * @param freshness most age of the newest certified record ({@code frequency} or {@code freshness})
 * @param retention how long the certified topic keeps records
 * @param throughput expected volume per window
 */
public record ServiceLevels(
    Optional<Duration> latency,
    Optional<Duration> freshness,
    Optional<Duration> retention,
    Optional<Throughput> throughput) {

  /** Expected volume: at least {@code minRecords} (and at most {@code maxRecords}) per window. */
  public record Throughput(long minRecords, OptionalLong maxRecords, Duration window) {
    public Throughput {
      Objects.requireNonNull(maxRecords, "maxRecords");
      Objects.requireNonNull(window, "window");
    }
  }

  public ServiceLevels {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(freshness, "freshness");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(throughput, "throughput");
  }

  /** No SLA at all. */
  public static ServiceLevels none() {
    return new ServiceLevels(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
