package dev.datamesh.registry.store;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The registry's only store: the compacted log topic, replayed into memory on every instance.
 *
 * <p>Reads see the state applied so far. A write is decided on one writer per instance, against a
 * state that includes everything committed to the log (instances take turns through Kafka's
 * transactional-producer fencing), appended in one transaction, and answered only after this
 * instance has applied it. So ids and versions are the same on every instance and survive restarts,
 * and a client reads its own writes on the instance it wrote to.
 *
 * <p>Thread-safe.
 */
public interface ContractLog {

  /**
   * Runs {@code query} against the current state under a read lock. The query must be quick and
   * must not let live views of the state escape (the state's own accessors return copies).
   */
  <T> T read(Function<RegistryState, T> query);

  /**
   * Queues a write. {@code decider} runs on the writer thread under the read lock, possibly more
   * than once (when another instance wrote in between, it is decided again on the newer state), so
   * it must be free of side effects besides its returned {@link Decision}.
   *
   * @return completes with the decision's result once its facts are applied locally; fails with a
   *     {@link java.util.concurrent.TimeoutException} when the log could not be written in time
   */
  <T> CompletableFuture<T> write(Function<RegistryState, Decision<T>> decider);
}
