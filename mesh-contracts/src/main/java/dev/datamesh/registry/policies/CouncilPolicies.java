package dev.datamesh.registry.policies;

import dev.datamesh.registry.store.RegistryState;

/**
 * Which policies are in force. Of the configured file and the policies stored in the log, the one
 * with the higher version wins (the log on a tie), so every instance on one log agrees once the
 * newest file has been published to it, and a restart changes nothing. Thread-safe.
 */
public interface CouncilPolicies {

  /** The policies in force on {@code state}. */
  ActivePolicies current(RegistryState state);

  /** The configured file's policies (read and validated at start-up). */
  ActivePolicies configured();
}
