package dev.datamesh.registry.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One registered version of a data product's contract, as kept in the log under {@code
 * contract:<productId>:<version>}. Contract versions are immutable: a key is written once and never
 * removed, so the newest record per key is the only one.
 *
 * @param productId {@code <domain>.<product>}
 * @param version the contract's semantic version
 * @param status the ODCS status at registration
 * @param domain the owning domain (first segment of the product id)
 * @param owner the owning team ({@code team.name}), empty if none
 * @param compatibility the contract's compatibility mode
 * @param schemaId the registry id of the value schema registered for this version
 * @param registeredAt registration time (epoch millis, from the registering instance's clock)
 * @param policyVersion the version of the council's policies the contract was checked against
 * @param document the ODCS document as compact JSON text
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StoredContract(
    String productId,
    String version,
    String status,
    String domain,
    String owner,
    String compatibility,
    int schemaId,
    long registeredAt,
    String policyVersion,
    String document) {

  public StoredContract {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(document, "document");
    status = status == null ? "" : status;
    domain = domain == null ? "" : domain;
    owner = owner == null ? "" : owner;
    compatibility = compatibility == null ? "" : compatibility;
    policyVersion = policyVersion == null ? "" : policyVersion;
  }

  /** This contract bound to another schema id. */
  public StoredContract withSchemaId(int id) {
    return new StoredContract(
        productId,
        version,
        status,
        domain,
        owner,
        compatibility,
        id,
        registeredAt,
        policyVersion,
        document);
  }
}
