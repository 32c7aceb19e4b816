package dev.datamesh.contracts.client;

import java.time.Instant;

/**
 * One entry of the registry's {@code GET /contracts}: the current contract of one product.
 *
 * @param productId {@code <domain>.<product>}
 * @param version the contract's semantic version
 * @param status the ODCS status ({@code active}, {@code draft}, {@code deprecated}, ...)
 * @param registeredAt when this version was registered
 */
public record ContractSummary(
    String productId, String version, String status, Instant registeredAt) {}
