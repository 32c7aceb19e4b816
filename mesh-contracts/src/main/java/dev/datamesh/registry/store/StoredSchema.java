package dev.datamesh.registry.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.List;

/**
 * A schema with its global id, as kept in the log under {@code schema:<id>}. Never removed: an id
 * is bound to one content forever (data on topics references it).
 *
 * @param id the global schema id
 * @param schemaType {@code AVRO}
 * @param schema the canonical schema text
 * @param references references to types registered under other subjects
 * @param metadata data-contract metadata, or null
 * @param ruleSet data-contract rules, or null
 * @param identity hash of (type, schema, references, metadata, ruleSet): equal content, equal id
 * @param guid the schema GUID (name-based UUID of the same content)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoredSchema(
    int id,
    String schemaType,
    String schema,
    List<SchemaReference> references,
    Metadata metadata,
    RuleSet ruleSet,
    String identity,
    String guid) {

  public StoredSchema {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
