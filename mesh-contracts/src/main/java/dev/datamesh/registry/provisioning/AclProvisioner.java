package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.ProductId;

/**
 * Creates and removes the Kafka ACLs of the self-serve platform ({@link AclPlan}). Idempotent:
 * granting what exists or revoking what does not is a success, so a write that fails after
 * provisioning can simply be repeated. A no-op success when {@code mesh.registry.acls.enabled} is
 * false. Thread-safe; blocks up to {@code mesh.registry.acls.timeout}; failures are values.
 */
public interface AclProvisioner {

  /** Whether ACLs are provisioned at all. */
  boolean enabled();

  /** The Kafka principal of {@code domain} ({@code mesh.registry.acls.domain-principals}). */
  String principalOf(String domain);

  /** The gateway's platform-wide ACLs (its groups, transactional ids and stats topic). */
  ProvisioningResult grantPlatform();

  /** The product's ACLs (and, the first time, the gateway's platform ACLs). */
  ProvisioningResult grantProduct(ProductId product);

  /** {@code READ} on the product's certified topic for an approved subscriber. */
  ProvisioningResult grantSubscription(ProductId product, String consumerDomain, String principal);

  /** Removes the subscriber's {@code READ} on the product's certified topic. */
  ProvisioningResult revokeSubscription(ProductId product, String principal);
}
