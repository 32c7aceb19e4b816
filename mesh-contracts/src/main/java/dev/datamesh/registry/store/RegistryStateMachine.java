package dev.datamesh.registry.store;

/**
 * A {@link RegistryState} that {@link Fact}s are applied to, in log order: the registry's state
 * machine. Useful to replay a registry log offline and to test decisions without Kafka. Not
 * thread-safe.
 */
public interface RegistryStateMachine extends RegistryState {

  /** Applies one fact (a put replaces the key's previous value, a removal deletes it). */
  void apply(Fact fact);

  /** The empty state. */
  static RegistryStateMachine empty() {
    return new MemoryState();
  }
}
