package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.JsonPointers;
import dev.datamesh.contracts.LogicalType;
import dev.datamesh.contracts.MaskingStrategy;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.RecordRule;
import dev.datamesh.contracts.avro.AvroSchemaFactory;
import dev.datamesh.contracts.avro.PhysicalTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code properties} lists into {@link FieldDefinition}s with their per-record rules;
 * aggregate quality rules found on the way go to {@link #aggregates()}. One instance per contract.
 */
final class FieldReader {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final List<ContractViolation> sink;
  private final QualityReader quality;
  private final List<QualityRule> aggregates = new ArrayList<>();

  FieldReader(List<ContractViolation> sink) {
    this.sink = sink;
    this.quality = new QualityReader(sink);
  }

  /** Aggregate rules declared on the properties read so far. */
  List<QualityRule> aggregates() {
    return aggregates;
  }

  /**
   * Reads an array of ODCS properties. Unusable properties are left out (with a violation).
   *
   * @param enforced false inside array items, where per-record rules are not supported
   */
  List<FieldDefinition> readAll(
      JsonNode properties, String source, String parentPath, boolean enforced) {
    List<FieldDefinition> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < properties.size(); i++) {
      JsonNode node = properties.get(i);
      String pointer = JsonPointers.child(source, i);
      Optional<String> name = name(node, pointer, seen);
      if (name.isPresent()) {
        read(node, pointer, name.get(), JsonPointers.child(parentPath, name.get()), enforced)
            .ifPresent(fields::add);
      }
    }
    return fields;
  }

  private Optional<String> name(JsonNode node, String pointer, Set<String> seen) {
    if (!node.isObject() || !node.has("name")) {
      return Optional.empty(); // the ODCS schema reports the missing name
    }
    String name = Nodes.text(node, "name");
    if (!AvroSchemaFactory.AVRO_NAME.matcher(name).matches()) {
      return violation(
          ContractErrorCode.FIELD_NAME_INVALID,
          pointer + "/name",
          "property name '" + name + "' is not a valid Avro name ([A-Za-z_][A-Za-z0-9_]*)");
    }
    if (!seen.add(name)) {
      return violation(
          ContractErrorCode.FIELD_NAME_INVALID,
          pointer + "/name",
          "property name '" + name + "' is used twice");
    }
    return Optional.of(name);
  }

  private Optional<FieldDefinition> read(
      JsonNode node, String source, String name, String path, boolean enforced) {
    Optional<LogicalType> logicalType = logicalType(node, source);
    if (logicalType.isEmpty()) {
      return Optional.empty();
    }
    LogicalType type = logicalType.get();
    Optional<String> physicalType = Nodes.optionalText(node, "physicalType");
    if (physicalType.isPresent()) {
      Optional<String> problem = PhysicalTypes.problem(type, physicalType.get());
      if (problem.isPresent()) {
        return violation(
            ContractErrorCode.FIELD_TYPE_INVALID, source + "/physicalType", problem.get());
      }
    }
    JsonNode options = node.path("logicalTypeOptions");
    boolean required = Nodes.bool(node, "required", false);
    List<RecordRule> rules = new ArrayList<>();
    if (required && enforced) {
      rules.add(new RecordRule.Required(path, source + "/required"));
    }
    if (enforced) {
      readOptionRules(options, source + "/logicalTypeOptions", path, type, rules);
      List<RecordRule> fromQuality = new ArrayList<>();
      quality.readFieldRules(
          node.path("quality"),
          source + "/quality",
          new QualityReader.FieldContext(name, path, type),
          fromQuality,
          aggregates);
      fromQuality.stream()
          .filter(r -> !(r instanceof RecordRule.Required && hasRequired(rules)))
          .forEach(rules::add);
    } else if (hasAnyRule(node)) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID,
              source,
              "rules inside array items are not enforced; declare them on a top-level or object property"));
    }
    List<FieldDefinition> children = List.of();
    Optional<FieldDefinition> items = Optional.empty();
    if (type == LogicalType.OBJECT) {
      children = readAll(node.path("properties"), source + "/properties", path, enforced);
    } else if (type == LogicalType.ARRAY) {
      items = items(node, source, name, path);
      if (items.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new FieldDefinition(
            name,
            path,
            source,
            type,
            physicalType,
            Nodes.optionalText(options, "format"),
            required,
            Nodes.bool(node, "unique", false),
            Nodes.optionalText(node, "classification"),
            masking(node, source),
            Nodes.text(node, "description"),
            examples(node.path("examples")),
            rules,
            children,
            items));
  }

  private Optional<LogicalType> logicalType(JsonNode node, String source) {
    if (!node.has("logicalType")) {
      return violation(
          ContractErrorCode.FIELD_TYPE_INVALID,
          source,
          "a topic property needs a logicalType (string, integer, number, boolean, date,"
              + " timestamp, time, array, object)");
    }
    return LogicalType.parse(Nodes.text(node, "logicalType")); // unknown: reported by ODCS schema
  }

  private Optional<FieldDefinition> items(JsonNode node, String source, String name, String path) {
    JsonNode items = node.path("items");
    if (!items.isObject()) {
      return violation(
          ContractErrorCode.FIELD_TYPE_INVALID, source, "an array property needs 'items'");
    }
    Optional<LogicalType> type = logicalType(items, source + "/items");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    // Items are never null in Avro; "-" stands for "each element" in the path.
    String itemPath = path + "/-";
    String itemSource = source + "/items";
    Optional<String> physicalType = Nodes.optionalText(items, "physicalType");
    if (physicalType.isPresent()) {
      Optional<String> problem = PhysicalTypes.problem(type.get(), physicalType.get());
      if (problem.isPresent()) {
        return violation(
            ContractErrorCode.FIELD_TYPE_INVALID, itemSource + "/physicalType", problem.get());
      }
    }
    if (hasAnyRule(items)) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID,
              itemSource,
              "rules on array items are not enforced; declare them on a top-level or object property"));
      return Optional.empty();
    }
    List<FieldDefinition> children =
        type.get() == LogicalType.OBJECT
            ? readAll(items.path("properties"), itemSource + "/properties", itemPath, false)
            : List.of();
    Optional<FieldDefinition> nestedItems =
        type.get() == LogicalType.ARRAY
            ? items(items, itemSource, name + "Item", itemPath)
            : Optional.empty();
    if (type.get() == LogicalType.ARRAY && nestedItems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldDefinition(
            name + "Item",
            itemPath,
            itemSource,
            type.get(),
            physicalType,
            Nodes.optionalText(items.path("logicalTypeOptions"), "format"),
            true,
            false,
            Nodes.optionalText(items, "classification"),
            masking(items, itemSource),
            Nodes.text(items, "description"),
            examples(items.path("examples")),
            List.of(),
            children,
            nestedItems));
  }

  private void readOptionRules(
      JsonNode options, String source, String path, LogicalType type, List<RecordRule> rules) {
    if (!options.isObject()) {
      return;
    }
    if (type == LogicalType.STRING) {
      JsonNode pattern = options.path("pattern");
      if (pattern.isTextual()) {
        try {
          java.util.regex.Pattern.compile(pattern.textValue());
          rules.add(new RecordRule.Pattern(path, source + "/pattern", pattern.textValue()));
        } catch (PatternSyntaxException e) {
          sink.add(
              new ContractViolation(
                  ContractErrorCode.RULE_INVALID,
                  source + "/pattern",
                  "pattern is not a valid regular expression: " + e.getDescription()));
        }
      }
      OptionalInt min = nonNegativeInt(options, "minLength");
      OptionalInt max = nonNegativeInt(options, "maxLength");
      if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
        sink.add(
            new ContractViolation(
                ContractErrorCode.RULE_INVALID, source, "minLength is greater than maxLength"));
      } else if (min.isPresent() || max.isPresent()) {
        rules.add(new RecordRule.Length(path, source, min, max));
      }
    } else if (type.numeric()) {
      readRange(options, source, path, rules);
    }
  }

  private void readRange(JsonNode options, String source, String path, List<RecordRule> rules) {
    Optional<BigDecimal> minimum = number(options, "minimum");
    Optional<BigDecimal> exclusiveMinimum = number(options, "exclusiveMinimum");
    Optional<BigDecimal> maximum = number(options, "maximum");
    Optional<BigDecimal> exclusiveMaximum = number(options, "exclusiveMaximum");
    if (minimum.isPresent() && exclusiveMinimum.isPresent()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID,
              source,
              "give minimum or exclusiveMinimum, not both"));
      return;
    }
    if (maximum.isPresent() && exclusiveMaximum.isPresent()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID,
              source,
              "give maximum or exclusiveMaximum, not both"));
      return;
    }
    Optional<BigDecimal> low = minimum.or(() -> exclusiveMinimum);
    Optional<BigDecimal> high = maximum.or(() -> exclusiveMaximum);
    if (low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID, source, "the minimum is greater than the maximum"));
      return;
    }
    if (low.isPresent() || high.isPresent()) {
      rules.add(
          new RecordRule.Range(
              path, source, low, exclusiveMinimum.isPresent(), high, exclusiveMaximum.isPresent()));
    }
  }

  private static Optional<BigDecimal> number(JsonNode options, String name) {
    JsonNode node = options.path(name);
    return node.isNumber() ? Optional.of(node.decimalValue()) : Optional.empty();
  }

  private static OptionalInt nonNegativeInt(JsonNode options, String name) {
    JsonNode node = options.path(name);
    return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0
        ? OptionalInt.of(node.intValue())
        : OptionalInt.empty(); // negative / non-integer: reported by the ODCS schema
  }

  private Optional<MaskingStrategy> masking(JsonNode node, String source) {
    Nodes.Custom masking = Nodes.customProperties(node, source).get("masking");
    if (masking == null) {
      return Optional.empty();
    }
    Optional<MaskingStrategy> strategy =
        masking.value().isTextual()
            ? MaskingStrategy.parse(masking.value().textValue())
            : Optional.empty();
    if (strategy.isEmpty()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.MASKING_INVALID,
              masking.pointer(),
              "masking must be hash, redact or encrypt, not " + masking.value()));
    }
    return strategy;
  }

  private static boolean hasRequired(List<RecordRule> rules) {
    return rules.stream().anyMatch(RecordRule.Required.class::isInstance);
  }

  private static boolean hasAnyRule(JsonNode node) {
    JsonNode options = node.path("logicalTypeOptions");
    return node.path("quality").size() > 0
        || options.has("pattern")
        || options.has("minLength")
        || options.has("maxLength")
        || options.has("minimum")
        || options.has("maximum")
        || options.has("exclusiveMinimum")
        || options.has("exclusiveMaximum");
  }

  private static List<Object> examples(JsonNode examples) {
    if (!examples.isArray()) {
      return List.of();
    }
    List<Object> values = new ArrayList<>();
    for (JsonNode example : examples) {
      if (!example.isNull()) {
        values.add(PLAIN.convertValue(example, Object.class));
      }
    }
    return values;
  }

  private <T> Optional<T> violation(ContractErrorCode code, String pointer, String message) {
    sink.add(new ContractViolation(code, pointer, message));
    return Optional.empty();
  }
}
