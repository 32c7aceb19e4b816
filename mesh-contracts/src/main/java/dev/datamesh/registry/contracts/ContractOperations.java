package dev.datamesh.registry.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The contracts API, independent of HTTP. Reads answer from this instance's replayed log; a
 * registration creates the product's topics, then appends the contract, its schema under both value
 * subjects and their compatibility settings in one log transaction, and completes once this
 * instance has applied them (failing with a {@link java.util.concurrent.TimeoutException} when the
 * log cannot be written in time). Refusals are {@link ContractOutcome.Refused} values. Bodies are
 * ODCS contracts in YAML or JSON ({@code contentType} is the request's media type). Blocking
 * (provisioning, loading): call from a worker thread. Thread-safe.
 */
public interface ContractOperations {

  /** Registers a contract version (idempotent for an identical re-post). */
  CompletableFuture<ContractOutcome<ContractView>> register(
      byte[] body, String contentType, OwnerCheck owner);

  /** Would {@link #register} accept the contract? Writes nothing. */
  ContractOutcome<CheckView> check(byte[] body, String contentType);

  /** Each product's latest version, optionally only of {@code domain} / with {@code status}. */
  List<ContractSummaryView> list(String domain, String status);

  /** The latest version of a product's contract. */
  ContractOutcome<ContractView> latest(String productId);

  /** One version of a product's contract. */
  ContractOutcome<ContractView> version(String productId, String version);

  /** The registered versions of a product's contract, oldest first. */
  ContractOutcome<List<String>> versions(String productId);

  /**
   * What changed between two versions; {@code to} defaults to the latest, {@code from} to the
   * version before {@code to}.
   */
  ContractOutcome<DiffView> diff(String productId, String from, String to);
}
