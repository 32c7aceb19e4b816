package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of {@code GET /contracts}: a product's latest contract version. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "productId",
  "version",
  "status",
  "registeredAt",
  "domain",
  "owner",
  "schemaId"
})
public record ContractSummaryView(
    String productId,
    String version,
    String status,
    String registeredAt,
    String domain,
    String owner,
    int schemaId) {}
