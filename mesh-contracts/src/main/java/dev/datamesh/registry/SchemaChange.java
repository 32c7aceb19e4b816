package dev.datamesh.registry;

import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
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
 */
public record SchemaChange(
    String subject,
    ProductSubject product,
    Schema schema,
    String canonicalSchema,
    Metadata metadata,
    RuleSet ruleSet,
    Optional<String> previousSchema) {}
