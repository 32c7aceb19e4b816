package dev.datamesh.contracts.client;

import dev.datamesh.contracts.DataContract;
import java.time.Instant;

/**
 * A contract as the registry holds it ({@code GET /contracts/{productId}}), loaded into the model.
 *
 * @param productId {@code <domain>.<product>}
 * @param version the contract's semantic version
 * @param schemaId the registry id of the product's value schema in this version
 * @param registeredAt when this version was registered
 * @param contract the parsed contract
 */
public record RegisteredContract(
    String productId, String version, int schemaId, Instant registeredAt, DataContract contract) {}
