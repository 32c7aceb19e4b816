package dev.datamesh.registry.contracts;

import java.util.concurrent.CompletableFuture;

/**
 * The council's policies over the API: read them, replace them (the caller checks the council's
 * token). A replacement must parse, be valid and carry a higher version than the policies in force;
 * it is stored in the registry log, so every instance and every restart apply it. Thread-safe.
 */
public interface PolicyOperations {

  /** The policies in force. */
  PolicyView current();

  /** Replaces the policies with the policy file in {@code body} (YAML or JSON). */
  CompletableFuture<ContractOutcome<PolicyView>> replace(byte[] body, String contentType);
}
