package dev.datamesh.registry.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.contracts.ContractError;
import dev.datamesh.registry.contracts.ContractOutcome;
import dev.datamesh.registry.provisioning.AclProvisioner;
import dev.datamesh.registry.provisioning.ProvisioningResult;
import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.StoredContract;
import dev.datamesh.registry.store.StoredSubscription;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SubscriptionOperations} on the {@link ContractLog} and the {@link AclProvisioner}. */
@Singleton
final class LogBackedSubscriptions implements SubscriptionOperations {
  private static final Logger LOG = LoggerFactory.getLogger(LogBackedSubscriptions.class);
  static final String APPROVAL_PROPERTY = "subscriptionApproval";
  static final String AUTO = "auto";

  private final ContractLog log;
  private final AclProvisioner acls;
  private final LongSupplier clock;

  LogBackedSubscriptions(ContractLog log, AclProvisioner acls) {
    this.log = log;
    this.acls = acls;
    this.clock = System::currentTimeMillis;
  }

  @Override
  public CompletableFuture<ContractOutcome<SubscriptionView>> request(
      String productId, String consumer, String purpose) {
    if (consumer == null || !ProductId.isValidSegment(consumer)) {
      return done(
          refused(
              RegistryErrorCode.INVALID_SUBSCRIPTION,
              "The consumer must be a domain name (lower-case kebab case), was '"
                  + consumer
                  + "'"));
    }
    Optional<StoredContract> contract = log.read(state -> state.latestContract(productId));
    if (contract.isEmpty()) {
      return done(notFound(productId));
    }
    ProductId product = ProductId.parse(productId).orElseThrow();
    String principal = acls.principalOf(consumer);
    boolean auto = autoApproved(contract.get());
    if (auto) {
      ProvisioningResult granted = acls.grantSubscription(product, consumer, principal);
      if (!granted.ok()) {
        return done(aclFailure(granted));
      }
    }
    long now = clock.getAsLong();
    return log.write(
            state -> {
              Optional<StoredSubscription> existing = state.subscription(productId, consumer);
              if (existing.isPresent()
                  && (existing.get().approved()
                      || (!auto && existing.get().status().equals(StoredSubscription.PENDING)))) {
                return Decision.answer(ok(existing.get()));
              }
              StoredSubscription requested =
                  new StoredSubscription(
                      productId,
                      consumer,
                      principal,
                      StoredSubscription.PENDING,
                      purpose,
                      now,
                      0,
                      "");
              StoredSubscription stored =
                  auto ? requested.decided(StoredSubscription.APPROVED, AUTO, now) : requested;
              return put(stored);
            })
        .thenApply(outcome -> logged(outcome, "requested"));
  }

  @Override
  public CompletableFuture<ContractOutcome<SubscriptionView>> approve(
      String productId, String consumer, String by) {
    Optional<StoredSubscription> existing =
        log.read(state -> state.subscription(productId, consumer));
    if (existing.isEmpty()) {
      return done(subscriptionNotFound(productId, consumer));
    }
    if (existing.get().status().equals(StoredSubscription.REVOKED)) {
      return done(
          refused(
              RegistryErrorCode.SUBSCRIPTION_CONFLICT,
              "The subscription of '"
                  + consumer
                  + "' to "
                  + productId
                  + " was revoked; the consumer has to ask again"));
    }
    ProductId product = ProductId.parse(productId).orElseThrow();
    ProvisioningResult granted =
        acls.grantSubscription(product, consumer, existing.get().principal());
    if (!granted.ok()) {
      return done(aclFailure(granted));
    }
    long now = clock.getAsLong();
    return log.write(
            state -> {
              StoredSubscription current = state.subscription(productId, consumer).orElseThrow();
              if (current.approved()) {
                return Decision.answer(ok(current));
              }
              if (!current.status().equals(StoredSubscription.PENDING)) {
                return Decision.answer(
                    refused(
                        RegistryErrorCode.SUBSCRIPTION_CONFLICT,
                        "The subscription was revoked meanwhile; the consumer has to ask again"));
              }
              return put(current.decided(StoredSubscription.APPROVED, by, now));
            })
        .thenApply(outcome -> logged(outcome, "approved"));
  }

  @Override
  public CompletableFuture<ContractOutcome<SubscriptionView>> revoke(
      String productId, String consumer, String by) {
    Optional<StoredSubscription> existing =
        log.read(state -> state.subscription(productId, consumer));
    if (existing.isEmpty()) {
      return done(subscriptionNotFound(productId, consumer));
    }
    ProductId product = ProductId.parse(productId).orElseThrow();
    ProvisioningResult removed = acls.revokeSubscription(product, existing.get().principal());
    if (!removed.ok()) {
      return done(aclFailure(removed));
    }
    long now = clock.getAsLong();
    return log.write(
            state -> {
              StoredSubscription current = state.subscription(productId, consumer).orElseThrow();
              if (current.status().equals(StoredSubscription.REVOKED)) {
                return Decision.answer(ok(current));
              }
              return put(current.decided(StoredSubscription.REVOKED, by, now));
            })
        .thenApply(outcome -> logged(outcome, "revoked"));
  }

  @Override
  public ContractOutcome<List<SubscriptionView>> list(String productId) {
    return log.read(
        state ->
            state.latestContract(productId).isEmpty()
                ? notFound(productId)
                : ContractOutcome.ok(views(state.subscriptions(productId))));
  }

  @Override
  public List<SubscriptionView> all(String status, String consumer) {
    return log.read(
        state ->
            views(
                state.allSubscriptions().stream()
                    .filter(s -> blank(status) || s.status().equalsIgnoreCase(status.trim()))
                    .filter(s -> blank(consumer) || s.consumer().equals(consumer.trim()))
                    .toList()));
  }

  /**
   * Whether the contract's root {@code customProperties} say {@code subscriptionApproval: auto}.
   */
  static boolean autoApproved(StoredContract contract) {
    try {
      JsonNode root = RegistryJson.mapper().readTree(contract.document());
      for (JsonNode custom : root.path("customProperties")) {
        if (APPROVAL_PROPERTY.equals(custom.path("property").asText())) {
          return AUTO.equalsIgnoreCase(custom.path("value").asText().trim());
        }
      }
    } catch (IOException e) {
      LOG.warn("stored contract of {} is not JSON: {}", contract.productId(), e.getMessage());
    }
    return false;
  }

  private static Decision<ContractOutcome<SubscriptionView>> put(StoredSubscription s) {
    return new Decision<>(List.of(new Fact.SubscriptionPut(s)), ok(s));
  }

  private static ContractOutcome<SubscriptionView> logged(
      ContractOutcome<SubscriptionView> outcome, String what) {
    if (outcome instanceof ContractOutcome.Ok<SubscriptionView> ok) {
      LOG.info(
          "subscription of {} to {} {}: {}",
          ok.value().consumer(),
          ok.value().productId(),
          what,
          ok.value().status());
    }
    return outcome;
  }

  private static List<SubscriptionView> views(List<StoredSubscription> subscriptions) {
    return subscriptions.stream().map(SubscriptionView::of).toList();
  }

  private static ContractOutcome<SubscriptionView> ok(StoredSubscription s) {
    return ContractOutcome.ok(SubscriptionView.of(s));
  }

  private static <T> ContractOutcome<T> refused(RegistryErrorCode code, String message) {
    return ContractOutcome.refused(ContractError.of(code, message));
  }

  private static <T> ContractOutcome<T> aclFailure(ProvisioningResult result) {
    return refused(
        RegistryErrorCode.PROVISIONING_FAILED,
        "Changing the Kafka ACLs failed, nothing was stored (retry): "
            + result.failure().orElse(""));
  }

  private static <T> ContractOutcome<T> notFound(String productId) {
    return refused(
        RegistryErrorCode.CONTRACT_NOT_FOUND,
        "No contract registered for product '" + productId + "'");
  }

  private static <T> ContractOutcome<T> subscriptionNotFound(String productId, String consumer) {
    return refused(
        RegistryErrorCode.SUBSCRIPTION_NOT_FOUND,
        "Domain '" + consumer + "' has not asked to subscribe to " + productId);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
