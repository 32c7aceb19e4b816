package dev.datamesh.gateway;

import java.util.Objects;

/**
 * Where one data product's records come from and go, and who decides: built from the product's
 * current contract and replaced when the contract evolves.
 *
 * @param productId {@code <domain>.<product>}
 * @param contractId the contract's id (header {@code mesh.contract.id})
 * @param contractVersion the contract's version (header {@code mesh.contract.version})
 * @param certifier the per-record decision
 * @param tombstonesAllowed whether a null value is certified as a tombstone (compacted products)
 *     instead of dead-lettered
 */
public record ProductRoute(
    String productId,
    String contractId,
    String contractVersion,
    RecordCertifier certifier,
    boolean tombstonesAllowed) {

  public ProductRoute {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(certifier, "certifier");
    contractId = contractId == null ? productId : contractId;
    contractVersion = contractVersion == null ? "" : contractVersion;
  }

  public String rawTopic() {
    return productId + ".raw";
  }

  public String certifiedTopic() {
    return productId + ".certified";
  }

  public String deadLetterTopic() {
    return productId + ".dlq";
  }
}
