package dev.datamesh.reliability;

import java.time.Duration;

/**
 * CI sizes versus the soak run's ({@code -Dmesh.soak=true}, see docs/RELIABILITY.md). The soak run
 * has more records, more crashes and longer waits; CI keeps within its time budget.
 */
final class Soak {
  private Soak() {}

  static boolean on() {
    return Boolean.getBoolean("mesh.soak");
  }

  /** The CI size, or {@code -Dmesh.soak.records} (default 1 M) in a soak run. */
  static int records(int ci) {
    return on() ? Integer.getInteger("mesh.soak.records", 1_000_000) : ci;
  }

  static int times(int ci, int soak) {
    return on() ? soak : ci;
  }

  /** A bound for waiting on {@code records} records, generous for a shared 2-core machine. */
  static Duration budget(Duration ci, long records, long ciRecords) {
    return on() ? ci.multipliedBy(Math.max(1, records / Math.max(1, ciRecords))) : ci;
  }
}
