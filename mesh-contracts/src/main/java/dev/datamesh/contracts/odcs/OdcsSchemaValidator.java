package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.JsonPointers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a document against the official ODCS v3.1.0 JSON schema (a copy of which is on the
 * classpath). The compiled schema is shared and thread-safe.
 */
final class OdcsSchemaValidator {

  static final String SCHEMA_RESOURCE = "/odcs/odcs-json-schema-v3.1.0.json";

  // Keywords whose message names a member of the instance: the pointer then goes to that member.
  private static final Set<String> MEMBER_KEYWORDS =
      Set.of("required", "additionalProperties", "unevaluatedProperties");

  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in = OdcsSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + SCHEMA_RESOURCE);
      }
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      // The ODCS schema nests definitions under non-keyword keys ($defs/ServerSource/...);
      // treat unknown keywords as annotations instead of logging a warning for each.
      JsonMetaSchema meta =
          JsonMetaSchema.builder(JsonMetaSchema.getV201909())
              .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
              .build();
      JsonSchema schema =
          JsonSchemaFactory.getInstance(
                  SpecVersion.VersionFlag.V201909, builder -> builder.metaSchema(meta))
              .getSchema(in, config);
      // Validators are otherwise created lazily on first use; do it now, once, before sharing.
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<ContractViolation> validate(JsonNode document) {
    List<Located> messages = SCHEMA.validate(document).stream().map(Located::of).toList();
    List<String> failures =
        messages.stream().filter(m -> !m.unevaluated()).map(Located::pointer).toList();
    Set<String> innermost = innermostUnevaluated(messages);
    return messages.stream()
        .filter(m -> !m.unevaluated() || innermost.contains(m.evaluationPath()))
        .filter(m -> !m.unevaluated() || !explainedByAnotherFailure(m, failures))
        .map(Located::violation)
        .distinct()
        .sorted(Comparator.comparing(ContractViolation::pointer))
        .toList();
  }

  /**
   * A subschema that fails drops its annotations, so every sibling of a bad member is then reported
   * as "not evaluated" too: noise, as long as another failure in the same object explains it. (Root
   * typos are still caught by the root's additionalProperties.)
   */
  private static boolean explainedByAnotherFailure(Located unevaluated, List<String> failures) {
    String object = unevaluated.objectPointer() + "/";
    return failures.stream().anyMatch(f -> f.startsWith(object));
  }

  /**
   * ODCS nests schemas that each forbid unevaluated properties. When the inner one rejects an
   * unknown member, the outer one then sees no member evaluated and rejects them all. Per object,
   * only the schema level naming the fewest members tells the truth.
   */
  private static Set<String> innermostUnevaluated(List<Located> messages) {
    Map<String, Map<String, Long>> countsByObject =
        messages.stream()
            .filter(Located::unevaluated)
            .collect(
                Collectors.groupingBy(
                    Located::objectPointer,
                    Collectors.groupingBy(Located::evaluationPath, Collectors.counting())));
    return countsByObject.values().stream()
        .map(
            counts ->
                counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey())
        .collect(Collectors.toSet());
  }

  /** A message with the pointer of its object and of the member it is about. */
  private record Located(ValidationMessage message, String objectPointer, String pointer) {
    String evaluationPath() {
      return message.getEvaluationPath().toString();
    }

    static Located of(ValidationMessage message) {
      String object = message.getInstanceLocation().toString();
      String pointer =
          MEMBER_KEYWORDS.contains(message.getType()) && message.getProperty() != null
              ? JsonPointers.child(object, message.getProperty())
              : object;
      return new Located(message, object, pointer);
    }

    boolean unevaluated() {
      return "unevaluatedProperties".equals(message.getType());
    }

    ContractViolation violation() {
      String text = message.getMessage();
      String prefix = objectPointer + ": "; // the library prefixes its location
      return new ContractViolation(
          ContractErrorCode.ODCS_SCHEMA_VIOLATION,
          pointer,
          text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    }
  }
}
