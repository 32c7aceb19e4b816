package dev.datamesh.registry.subjects;

import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.List;

/**
 * The body of register, lookup and compatibility requests. Unknown properties (e.g. {@code
 * subject}, {@code guid}, {@code ts} when a client posts back a schema it fetched) are ignored.
 *
 * @param schema the schema text
 * @param schemaType {@code AVRO} (the default when null)
 * @param references references to types registered under other subjects
 * @param metadata data-contract metadata, or null to inherit
 * @param ruleSet data-contract rules, or null to inherit
 * @param id the id to register under (IMPORT mode), or null
 * @param version the version to register as, or null
 */
public record SchemaRequest(
    String schema,
    String schemaType,
    List<SchemaReference> references,
    Metadata metadata,
    RuleSet ruleSet,
    Integer id,
    Integer version) {

  public SchemaRequest {
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** A plain Avro schema request. */
  public static SchemaRequest of(String schema) {
    return new SchemaRequest(schema, null, null, null, null, null, null);
  }
}
