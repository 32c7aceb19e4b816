package dev.datamesh.quality.streams;

/**
 * A small fixed histogram of event-time lags (ms), for percentile estimates in bounded space: 22
 * buckets from 0 to 1 day plus one overflow bucket, roughly 1-2.5-5 steps. Percentiles are
 * interpolated linearly within a bucket and never exceed the exact maximum. Mutable; owned by one
 * stream thread. Serialized as JSON (fields).
 */
final class LagHistogram {
  static final long[] UPPER_BOUNDS_MS = {
    0,
    5,
    10,
    25,
    50,
    100,
    250,
    500,
    1_000,
    2_500,
    5_000,
    10_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    1_800_000,
    3_600_000,
    7_200_000,
    21_600_000,
    86_400_000
  };

  long[] counts = new long[UPPER_BOUNDS_MS.length + 1];
  long measured;
  long max;
  long overSla;

  void add(long lagMs, long slaMs) {
    long lag = Math.max(0, lagMs);
    counts[bucket(lag)]++;
    measured++;
    max = Math.max(max, lag);
    if (slaMs > 0 && lag > slaMs) {
      overSla++;
    }
  }

  /** The estimated {@code q}-quantile (0 < q ≤ 1, nearest rank), 0 when nothing was measured. */
  long percentile(double q) {
    if (measured == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * measured));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      if (seen + counts[i] >= rank) {
        long lower = i == 0 ? 0 : UPPER_BOUNDS_MS[i - 1];
        long upper = i < UPPER_BOUNDS_MS.length ? UPPER_BOUNDS_MS[i] : max;
        double within = (double) (rank - seen) / counts[i];
        long estimate = lower + Math.round((upper - lower) * within);
        return Math.min(estimate, max);
      }
      seen += counts[i];
    }
    return max;
  }

  /**
   * True if at least 95 % of the measured lags are within the SLA (nearest-rank p95 ≤ SLA), exact
   * thanks to the per-window over-SLA count; true when nothing was measured.
   */
  boolean p95Within() {
    long allowedOver = measured - (long) Math.ceil(0.95 * measured);
    return overSla <= allowedOver;
  }

  private static int bucket(long lag) {
    for (int i = 0; i < UPPER_BOUNDS_MS.length; i++) {
      if (lag <= UPPER_BOUNDS_MS[i]) {
        return i;
      }
    }
    return UPPER_BOUNDS_MS.length;
  }
}
