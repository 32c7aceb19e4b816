package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A registered contract version as {@code GET /contracts/{productId}} answers it (and {@code POST
 * /contracts}, which adds {@code warnings} when there are any). Read by {@code
 * dev.datamesh.contracts.client.HttpContractCatalog}.
 *
 * @param registeredAt ISO-8601 instant
 * @param schemaId the registry id of this version's value schema
 * @param document the ODCS contract as a JSON object
 * @param warnings provisioning warnings (e.g. an existing topic's partition count differs)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "productId",
  "version",
  "status",
  "registeredAt",
  "domain",
  "owner",
  "compatibility",
  "schemaId",
  "rawSubject",
  "certifiedSubject",
  "topics",
  "policyVersion",
  "warnings",
  "document"
})
public record ContractView(
    String productId,
    String version,
    String status,
    String registeredAt,
    String domain,
    String owner,
    String compatibility,
    int schemaId,
    String rawSubject,
    String certifiedSubject,
    TopicsView topics,
    String policyVersion,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
    JsonNode document) {

  public ContractView {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** This view with provisioning warnings. */
  public ContractView withWarnings(List<String> more) {
    return new ContractView(
        productId,
        version,
        status,
        registeredAt,
        domain,
        owner,
        compatibility,
        schemaId,
        rawSubject,
        certifiedSubject,
        topics,
        policyVersion,
        more,
        document);
  }
}
