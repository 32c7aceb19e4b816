package dev.datamesh.registry.schema;

import java.util.List;

/**
 * Parses Avro schema texts and canonicalises them the way Confluent Schema Registry does: the
 * stored text is the parsed schema re-serialised compactly ({@code Schema.toString()}, custom
 * properties kept, referenced types not inlined), or with {@code normalize} a normal form in which
 * differently written equal schemas coincide (full names, fixed attribute order, sorted aliases and
 * custom properties; defaults, docs and logical types kept). Stateless and thread-safe.
 */
public interface AvroSchemaParser {

  /**
   * Parses {@code schemaText}.
   *
   * @param referencedSchemas texts of the schemas it references, dependencies first
   * @param validateDefaults reject field defaults that do not match their type (done for schemas
   *     that are new to the registry)
   */
  ParseResult parse(String schemaText, List<String> referencedSchemas, boolean validateDefaults);

  /** The standard parser. */
  static AvroSchemaParser standard() {
    return new StandardAvroSchemaParser();
  }
}
