package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.QualityRule;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which tumbling windows (aligned to the epoch) a product is measured in: the metrics window
 * (settings), every quality rule's window and the throughput SLA's window. Stateless.
 */
final class WindowPlan {
  private WindowPlan() {}

  static TreeSet<Long> sizes(Optional<DataContract> contract, Duration metricsWindow) {
    TreeSet<Long> sizes = new TreeSet<>();
    sizes.add(metricsWindow.toMillis());
    contract.ifPresent(
        c -> {
          c.qualityRules().forEach(r -> sizes.add(r.window().toMillis()));
          c.serviceLevels().throughput().ifPresent(t -> sizes.add(t.window().toMillis()));
        });
    return sizes;
  }

  /** The window size duplicates of {@code definition} are counted in (ms). */
  static long duplicateWindow(
      Optional<DataContract> contract, String definition, Duration metricsWindow) {
    if (RecordInspector.UNIQUE_KEY.equals(definition)) {
      return metricsWindow.toMillis();
    }
    return contract
        .flatMap(c -> rule(c, definition))
        .map(r -> r.window().toMillis())
        .orElse(metricsWindow.toMillis());
  }

  static Optional<QualityRule> rule(DataContract contract, String name) {
    return contract.qualityRules().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  static long startOf(long time, long size) {
    return time - Math.floorMod(time, size);
  }
}
