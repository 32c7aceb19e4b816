package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.DataContract;

/**
 * Creates a product's topics ({@link TopicPlan}) that do not exist yet; existing topics are left
 * alone, with a warning when their partition count differs from the contract's. Idempotent, so a
 * registration that fails after provisioning can simply be repeated. Thread-safe; blocks up to
 * {@code mesh.registry.provisioning.timeout}; failures are values, never exceptions.
 */
public interface TopicProvisioner {

  /** Ensures the topics of {@code contract} exist. */
  ProvisioningResult provision(DataContract contract);
}
