package dev.datamesh.registry.subscriptions;

import dev.datamesh.registry.contracts.ContractOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Subscriptions to data products, independent of HTTP and of who may call (the caller checks that).
 * Each change grants or removes the Kafka ACL first (idempotent) and then appends the subscription
 * fact to the registry log, completing once this instance applied it; so the log never says
 * APPROVED without the grant, and a failed write is simply repeated. Refusals are {@link
 * ContractOutcome.Refused} values; a log that cannot be written in time fails the future with a
 * {@link java.util.concurrent.TimeoutException}. Blocking (ACLs): call from a worker thread.
 * Thread-safe.
 */
public interface SubscriptionOperations {

  /**
   * {@code consumer} asks for {@code productId}'s certified topic: PENDING, or APPROVED at once
   * when the product's contract says {@code subscriptionApproval: auto}. Repeating a request is
   * idempotent; a revoked subscription becomes PENDING again.
   */
  CompletableFuture<ContractOutcome<SubscriptionView>> request(
      String productId, String consumer, String purpose);

  /** Approves a pending (or re-confirms an approved) subscription, recorded as by {@code by}. */
  CompletableFuture<ContractOutcome<SubscriptionView>> approve(
      String productId, String consumer, String by);

  /** Revokes (or withdraws a pending) subscription and removes the grant; idempotent. */
  CompletableFuture<ContractOutcome<SubscriptionView>> revoke(
      String productId, String consumer, String by);

  /** The subscriptions to one product (404 when it has no contract). */
  ContractOutcome<List<SubscriptionView>> list(String productId);

  /** Every subscription, optionally only with {@code status} and/or of {@code consumer}. */
  List<SubscriptionView> all(String status, String consumer);
}
