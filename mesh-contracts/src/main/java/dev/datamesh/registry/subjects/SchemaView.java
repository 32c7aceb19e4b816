package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.List;

/**
 * Confluent's "Schema" object: a subject version with its schema, as returned by register, lookup
 * and the version endpoints. Null fields are left out; {@code deleted} appears only when true.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "subject",
  "version",
  "id",
  "guid",
  "schemaType",
  "schema",
  "references",
  "metadata",
  "ruleSet",
  "ts",
  "deleted"
})
public record SchemaView(
    String subject,
    Integer version,
    Integer id,
    String guid,
    String schemaType,
    String schema,
    List<SchemaReference> references,
    Metadata metadata,
    RuleSet ruleSet,
    Long ts,
    Boolean deleted) {}
