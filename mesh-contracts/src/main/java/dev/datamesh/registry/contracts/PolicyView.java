package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The council's policies in force, as {@code GET /policies} answers them.
 *
 * @param source {@code log}, {@code file:<path>} or {@code classpath:<resource>}
 * @param updatedAt ISO-8601 instant it was stored in the log, null for a file not in the log
 * @param rules the policy file's {@code rules} object
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"version", "owner", "description", "source", "updatedAt", "rules"})
public record PolicyView(
    String version,
    String owner,
    String description,
    String source,
    String updatedAt,
    JsonNode rules) {}
