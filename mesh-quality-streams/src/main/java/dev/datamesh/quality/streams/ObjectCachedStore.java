package dev.datamesh.quality.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deserialized values of a key-value store that one processor alone writes, kept next to the
 * store so that a read does not parse the stored JSON again (per-record reads of the window and
 * product stores were the quality thread's largest cost after decoding). Every write still goes to
 * the store, so the store (and its changelog) stays the truth; the cache holds exactly what the
 * store holds for the keys it has seen.
 *
 * <p>Owned by one processor instance on one stream thread. Built in {@code Processor#init}, which
 * Kafka Streams calls again whenever it rebuilds a task's state (after a restore or an aborted
 * transaction), so a cache never outlives the store contents it mirrors. Bounded by the store's
 * live keys (deleted keys leave it).
 */
final class ObjectCachedStore<V> {
  private final KeyValueStore<String, V> store;
  private final Map<String, V> values = new HashMap<>();

  ObjectCachedStore(KeyValueStore<String, V> store) {
    this.store = store;
  }

  /** The value of {@code key}, or null; the returned object is the cached one. */
  V get(String key) {
    V value = values.get(key);
    if (value == null) {
      value = store.get(key);
      if (value != null) {
        values.put(key, value);
      }
    }
    return value;
  }

  /** Writes {@code value} to the store and caches it (callers may mutate it, then put it again). */
  void put(String key, V value) {
    store.put(key, value);
    values.put(key, value);
  }

  void delete(String key) {
    store.delete(key);
    values.remove(key);
  }

  /** The underlying store, for iteration (values read that way are fresh copies). */
  KeyValueStore<String, V> store() {
    return store;
  }
}
