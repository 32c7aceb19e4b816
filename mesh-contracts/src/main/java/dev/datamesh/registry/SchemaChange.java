package dev.datamesh.registry;

import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.PreviousSchema;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.store.StoredContract;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A schema about to be registered under a data product's contract subject, as handed to {@link
 * SubjectGovernance}.
 *
 * @param subject the Confluent subject, e.g. {@code orders.order-placed.raw-value}
 * @param product the product the subject belongs to
 * @param schema the parsed Avro schema
 * @param canonicalSchema the schema text the registry will store
 * @param metadata the metadata that will be stored with it (after inheritance), or null
 * @param ruleSet the rule set that will be stored with it (after inheritance), or null
 * @param previousSchema the canonical text of the subject's latest live version, if any
 * @param liveSchemas the subject's live versions in the new schema's compatibility group (all of
 *     them when no group is configured), oldest first, whatever the configured level
 * @param contract the product's latest registered contract, if it has one
 */
public record SchemaChange(
    String subject,
    ProductSubject product,
    Schema schema,
    String canonicalSchema,
    Metadata metadata,
    RuleSet ruleSet,
    Optional<String> previousSchema,
    List<PreviousSchema> liveSchemas,
    Optional<StoredContract> contract) {

  public SchemaChange {
    liveSchemas = liveSchemas == null ? List.of() : List.copyOf(liveSchemas);
    contract = contract == null ? Optional.empty() : contract;
  }

  /** A change without live-version and contract context (for hooks that need neither). */
  public SchemaChange(
      String subject,
      ProductSubject product,
      Schema schema,
      String canonicalSchema,
      Metadata metadata,
      RuleSet ruleSet,
      Optional<String> previousSchema) {
    this(
        subject,
        product,
        schema,
        canonicalSchema,
        metadata,
        ruleSet,
        previousSchema,
        List.of(),
        Optional.empty());
  }
}
