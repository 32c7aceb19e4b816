package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One difference between two versions of a contract.
 *
 * @param kind {@code field-added}, {@code field-removed}, {@code type-changed}, {@code
 *     required-changed}, {@code classification-changed}, {@code masking-changed}, {@code
 *     description-changed}, {@code rule-added}, {@code rule-removed}, {@code rule-changed}, {@code
 *     quality-added}, {@code quality-removed}, {@code quality-changed}, {@code sla-changed}, {@code
 *     key-changed}, {@code topic-changed}, {@code compatibility-changed}, {@code status-changed},
 *     {@code owner-changed}
 * @param pointer JSON Pointer into the newer document ({@code to}); into the older one for removals
 * @param breaking whether producers or consumers must act (see docs/REGISTRY.md)
 * @param message what changed and what it breaks
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"kind", "pointer", "breaking", "message"})
public record ChangeView(String kind, String pointer, boolean breaking, String message) {}
