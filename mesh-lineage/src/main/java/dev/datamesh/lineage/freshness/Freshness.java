package dev.datamesh.lineage.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How fresh a product is at {@code evaluatedAt}: the event time of its newest certified record,
 * that record's age, the contract's freshness SLA and the verdict. Immutable.
 *
 * @param productId {@code <domain>.<product>}
 * @param newestEventTime event time of the newest certified record, if any was seen
 * @param age {@code evaluatedAt - newestEventTime} (never negative), if a record was seen
 * @param sla the contract's freshness SLA ({@code frequency}/{@code freshness}), if it has one
 * @param status the verdict
 * @param evaluatedAt when this was computed
 */
public record Freshness(
    String productId,
    Optional<Instant> newestEventTime,
    Optional<Duration> age,
    Optional<Duration> sla,
    FreshnessStatus status,
    Instant evaluatedAt) {

  public Freshness {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(newestEventTime, "newestEventTime");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
  }

  /**
   * Evaluates freshness at {@code now}. With no SLA the status is {@link FreshnessStatus#UNKNOWN}.
   * With an SLA: {@link FreshnessStatus#FRESH} if the newest record is at most {@code sla} old,
   * else {@link FreshnessStatus#STALE}; with no record at all, stale once {@code sla} has passed
   * since {@code knownSince} (silence is the failure that matters most), unknown before.
   *
   * @param knownSince when the product became known (its contract was first seen)
   */
  public static Freshness evaluate(
      String productId,
      Optional<Instant> newestEventTime,
      Optional<Duration> sla,
      Instant knownSince,
      Instant now) {
    Optional<Duration> age =
        newestEventTime.map(t -> t.isAfter(now) ? Duration.ZERO : Duration.between(t, now));
    FreshnessStatus status;
    if (sla.isEmpty()) {
      status = FreshnessStatus.UNKNOWN;
    } else if (age.isPresent()) {
      status = age.get().compareTo(sla.get()) <= 0 ? FreshnessStatus.FRESH : FreshnessStatus.STALE;
    } else {
      boolean silentTooLong = Duration.between(knownSince, now).compareTo(sla.get()) > 0;
      status = silentTooLong ? FreshnessStatus.STALE : FreshnessStatus.UNKNOWN;
    }
    return new Freshness(productId, newestEventTime, age, sla, status, now);
  }

  /** True if {@code other} says something different (status or newest event time). */
  public boolean differsFrom(Freshness other) {
    return other == null
        || status != other.status
        || !newestEventTime.equals(other.newestEventTime)
        || !sla.equals(other.sla);
  }
}
