package dev.datamesh.registry.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/** Avro's own parser, plus {@link AvroNormalForm} for {@code normalize}. */
final class StandardAvroSchemaParser implements AvroSchemaParser {
  private static final Pattern QUALIFIED_CLASS_PREFIX =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");

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

  /**
   * The parser's message without the class names Avro puts in front when it wraps a JSON error
   * ({@code com.fasterxml...StreamConstraintsException: ...}): callers show it to clients.
   */
  static String describe(RuntimeException e) {
    Throwable reason = e;
    while (reason.getCause() != null
        && (reason.getMessage() == null
            || reason.getMessage().equals(reason.getCause().toString()))) {
      reason = reason.getCause();
    }
    String message =
        reason instanceof JsonProcessingException json
            ? json.getOriginalMessage()
            : reason.getMessage();
    if (message == null || message.isBlank()) {
      return "not a valid Avro schema";
    }
    message = QUALIFIED_CLASS_PREFIX.matcher(message).replaceAll("");
    return message.length() > 500 ? message.substring(0, 500) + "..." : message;
  }
}
