package dev.datamesh.registry.schema;

/** What {@link AvroSchemaParser} made of a schema text: a schema or the reason it is invalid. */
public sealed interface ParseResult {

  /** The text is a valid schema. */
  record Valid(ParsedSchema parsed) implements ParseResult {}

  /** The text is not a valid schema; {@code message} says why. */
  record Invalid(String message) implements ParseResult {}
}
