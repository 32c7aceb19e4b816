package dev.datamesh.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The products the gateway certifies, by raw topic. Replaced as a whole on every change, so the
 * gateway thread always sees a consistent snapshot. Thread-safe.
 */
public final class ProductRoutes {
  private volatile Snapshot snapshot = new Snapshot(Map.of(), 0);

  /** An immutable view: routes by raw topic and a version that grows on every change. */
  public record Snapshot(Map<String, ProductRoute> byRawTopic, long version) {
    public Set<String> rawTopics() {
      return byRawTopic.keySet();
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /** Adds or replaces the route of {@code route.productId()}. */
  public synchronized void put(ProductRoute route) {
    Map<String, ProductRoute> copy = new HashMap<>(snapshot.byRawTopic());
    copy.put(route.rawTopic(), route);
    snapshot = new Snapshot(Map.copyOf(copy), snapshot.version() + 1);
  }

  /** Stops certifying a product (its records stay in raw, uncommitted, for a later contract). */
  public synchronized void remove(String productId) {
    Map<String, ProductRoute> copy = new HashMap<>(snapshot.byRawTopic());
    if (copy.remove(productId + ".raw") != null) {
      snapshot = new Snapshot(Map.copyOf(copy), snapshot.version() + 1);
    }
  }
}
