package dev.datamesh.contracts.serde;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A bounded cache of successful answers, where concurrent first callers of one key share a single
 * load and its outcome, success or failure; failures are not kept.
 *
 * <p>Why not Caffeine's {@code AsyncCache} alone: it logs every failed load at WARNING with a stack
 * trace, and an unknown schema id in a stream of poison records would flood the log; its
 * synchronous cache holds a map bin lock while loading, and a registry call can take seconds.
 * Thread-safe.
 */
final class SharedLoadCache<K, V> {
  private final Cache<K, V> answers;
  private final ConcurrentMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();

  /**
   * @param timeToLive how long an answer is kept; null: until evicted by size
   */
  SharedLoadCache(int capacity, Duration timeToLive) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(capacity);
    if (timeToLive != null) {
      builder.expireAfterWrite(timeToLive);
    }
    this.answers = builder.build();
  }

  /** The kept answer, or a future shared with every concurrent caller for a fresh load. */
  CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> load) {
    V known = answers.getIfPresent(key);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = loading.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    // A load may have finished between the first look and our claim: answers are kept before
    // the claim is released, so looking again here cannot miss it.
    known = answers.getIfPresent(key);
    if (known != null) {
      loading.remove(key, mine);
      mine.complete(known);
      return mine;
    }
    start(key, load, mine);
    return mine;
  }

  /** Keeps an answer learnt some other way (e.g. the schema of an id just registered). */
  void put(K key, V value) {
    answers.put(key, value);
  }

  void clear() {
    answers.invalidateAll();
  }

  private void start(K key, Function<K, CompletableFuture<V>> load, CompletableFuture<V> mine) {
    CompletableFuture<V> loaded;
    try {
      loaded = load.apply(key);
    } catch (RuntimeException e) {
      loaded = CompletableFuture.failedFuture(e);
    }
    loaded.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            answers.put(key, value);
          }
          loading.remove(key, mine);
          if (failure == null) {
            mine.complete(value);
          } else {
            mine.completeExceptionally(failure);
          }
        });
  }
}
