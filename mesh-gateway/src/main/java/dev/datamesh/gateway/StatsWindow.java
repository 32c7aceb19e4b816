package dev.datamesh.gateway;

import dev.datamesh.topics.GatewayStatsEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-product counts of one gateway instance. The loop counts a transaction into a fresh instance
 * and {@link #merge}s it into the window only after the commit, so published counts are exactly
 * what was committed. Not thread-safe: owned by the gateway thread.
 */
final class StatsWindow {
  private final Map<String, Counts> byProduct = new HashMap<>();

  private static final class Counts {
    long certified;
    long certifiedBytes;
    long deadLettered;
    final Map<String, Long> byCode = new HashMap<>();
    long newestEventTime = Long.MIN_VALUE;
  }

  void certified(String productId, int bytes, long eventTime) {
    Counts c = counts(productId);
    c.certified++;
    c.certifiedBytes += bytes;
    c.newestEventTime = Math.max(c.newestEventTime, eventTime);
  }

  void deadLettered(String productId, GatewayErrorCode code) {
    Counts c = counts(productId);
    c.deadLettered++;
    c.byCode.merge(code.name(), 1L, Long::sum);
  }

  void merge(StatsWindow committed) {
    committed.byProduct.forEach(
        (product, other) -> {
          Counts c = counts(product);
          c.certified += other.certified;
          c.certifiedBytes += other.certifiedBytes;
          c.deadLettered += other.deadLettered;
          other.byCode.forEach((code, n) -> c.byCode.merge(code, n, Long::sum));
          c.newestEventTime = Math.max(c.newestEventTime, other.newestEventTime);
        });
  }

  boolean isEmpty() {
    return byProduct.isEmpty();
  }

  /** One event per product in {@code products} (zero counts for idle ones) and per counted one. */
  List<GatewayStatsEvent> events(
      Set<String> products, String instanceId, Instant start, Instant end) {
    List<GatewayStatsEvent> events = new ArrayList<>();
    Set<String> all = new java.util.TreeSet<>(products);
    all.addAll(byProduct.keySet());
    for (String product : all) {
      Counts c = byProduct.getOrDefault(product, new Counts());
      events.add(
          new GatewayStatsEvent(
              product,
              instanceId,
              start,
              end,
              c.certified,
              c.certifiedBytes,
              c.deadLettered,
              c.byCode,
              c.newestEventTime == Long.MIN_VALUE
                  ? null
                  : Instant.ofEpochMilli(c.newestEventTime)));
    }
    return events;
  }

  private Counts counts(String productId) {
    return byProduct.computeIfAbsent(productId, p -> new Counts());
  }
}
