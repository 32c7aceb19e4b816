package dev.datamesh.registry.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Avro's own parser, plus {@link AvroNormalForm} for {@code normalize}. */
final class StandardAvroSchemaParser implements AvroSchemaParser {

  @Override
  @SuppressWarnings(
      "deprecation") // toString(references, pretty): the one Avro API that does not inline known
  // types
  public ParseResult parse(
      String schemaText, List<String> referencedSchemas, boolean validateDefaults) {
    if (schemaText == null || schemaText.isBlank()) {
      return new ParseResult.Invalid("Empty schema");
    }
    try {
      Schema.Parser parser = new Schema.Parser();
      parser.setValidateDefaults(validateDefaults);
      List<Schema> references = new ArrayList<>();
      for (String reference : referencedSchemas) {
        references.add(parser.parse(reference));
      }
      Schema schema = parser.parse(schemaText);
      String compact =
          references.isEmpty() ? schema.toString() : schema.toString(references, false);
      return new ParseResult.Valid(
          new ParsedSchema(schema, compact, AvroNormalForm.of(schema, references)));
    } catch (RuntimeException e) {
      // Avro reports every kind of bad schema as an unchecked exception (parse, type, default).
      return new ParseResult.Invalid(describe(e));
    }
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.length() > 500 ? message.substring(0, 500) + "..." : message;
  }
}
