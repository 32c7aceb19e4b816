package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.JsonPointers;
import dev.datamesh.contracts.LogicalType;
import dev.datamesh.contracts.QualityMetric;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.RecordRule;
import dev.datamesh.contracts.RuleSeverity;
import dev.datamesh.contracts.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Reads ODCS {@code quality} lists. A property-level {@code nullValues} / {@code missingValues} /
 * {@code invalidValues} rule with {@code mustBe: 0}, unit rows and severity error tolerates no bad
 * record, so it becomes a {@link RecordRule}; every other rule is an aggregate {@link QualityRule}.
 */
final class QualityReader {

  /** Window of an aggregate rule that does not name one. */
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** The property a rule is declared on. */
  record FieldContext(String name, String path, LogicalType logicalType) {}

  private final List<ContractViolation> sink;

  QualityReader(List<ContractViolation> sink) {
    this.sink = sink;
  }

  /** Reads a property's rules into {@code recordRules} and {@code aggregates}. */
  void readFieldRules(
      JsonNode quality,
      String source,
      FieldContext field,
      List<RecordRule> recordRules,
      List<QualityRule> aggregates) {
    if (!quality.isArray()) {
      return;
    }
    for (int i = 0; i < quality.size(); i++) {
      readEntry(quality.get(i), JsonPointers.child(source, i), Optional.of(field))
          .ifPresent(
              entry -> {
                if (entry.perRecord()) {
                  recordRules.addAll(entry.recordRules(field));
                } else {
                  aggregates.add(entry.rule(List.of(field.path())));
                }
              });
    }
  }

  /**
   * Reads {@code schema[0].quality}: dataset-level rules ({@code rowCount}, {@code duplicateValues}
   * over {@code arguments.properties}).
   *
   * @param fieldPaths record pointers of the top-level fields by name
   */
  List<QualityRule> readSchemaRules(
      JsonNode quality, String source, Map<String, String> fieldPaths) {
    List<QualityRule> rules = new ArrayList<>();
    if (!quality.isArray()) {
      return rules;
    }
    for (int i = 0; i < quality.size(); i++) {
      String entrySource = JsonPointers.child(source, i);
      JsonNode node = quality.get(i);
      readEntry(node, entrySource, Optional.empty())
          .flatMap(entry -> schemaLevel(entry, node, entrySource, fieldPaths))
          .ifPresent(rules::add);
    }
    return rules;
  }

  private Optional<QualityRule> schemaLevel(
      Entry entry, JsonNode node, String source, Map<String, String> fieldPaths) {
    switch (entry.metric()) {
      case ROW_COUNT:
        return Optional.of(entry.rule(List.of()));
      case DUPLICATE_VALUES:
        JsonNode names = node.path("arguments").path("properties");
        List<String> paths = new ArrayList<>();
        for (JsonNode name : names) {
          String path = fieldPaths.get(name.asText());
          if (path == null) {
            return invalid(
                source + "/arguments/properties",
                "'" + name.asText() + "' is not a top-level property");
          }
          paths.add(path);
        }
        if (paths.isEmpty()) {
          return invalid(
              source,
              "a schema-level duplicateValues rule needs arguments.properties (the key fields)");
        }
        return Optional.of(entry.rule(paths));
      default:
        return invalid(
            source + "/metric",
            entry.metric().odcsValue() + " measures one property: declare it on the property");
    }
  }

  private Optional<Entry> readEntry(JsonNode node, String source, Optional<FieldContext> field) {
    String type = Nodes.text(node, "type").isEmpty() ? "library" : Nodes.text(node, "type");
    if (type.equals("text")) {
      return Optional.empty(); // prose for humans, nothing to enforce
    }
    if (!type.equals("library")) {
      return invalid(
          ContractErrorCode.QUALITY_RULE_UNSUPPORTED,
          source + "/type",
          "quality rules of type '"
              + type
              + "' cannot be enforced on a stream; use library metrics");
    }
    String metricName =
        Nodes.text(node, "metric").isEmpty()
            ? Nodes.text(node, "rule")
            : Nodes.text(node, "metric");
    Optional<QualityMetric> metric = QualityMetric.parse(metricName);
    if (metric.isEmpty()) {
      return Optional.empty(); // the ODCS schema reports the unknown metric
    }
    int before = sink.size();
    Optional<Threshold> threshold = threshold(node, source);
    QualityRule.Unit unit = unit(node, source);
    RuleSeverity severity = severity(node, source);
    Duration window = window(node, source);
    JsonNode arguments = node.path("arguments");
    List<String> validValues = validValues(arguments.path("validValues"), source, field);
    Optional<String> pattern = pattern(arguments.path("pattern"), source + "/arguments/pattern");
    List<String> missing = texts(arguments.path("missingValues"));
    if (metric.get() == QualityMetric.INVALID_VALUES
        && !arguments.has("validValues")
        && !arguments.has("pattern")) {
      add(source + "/arguments", "invalidValues needs arguments.validValues or arguments.pattern");
    }
    if (metric.get() == QualityMetric.ROW_COUNT && field.isPresent()) {
      add(source + "/metric", "rowCount is dataset-level: declare it in schema[0].quality");
    }
    if (metric.get() == QualityMetric.ROW_COUNT && unit == QualityRule.Unit.PERCENT) {
      add(source + "/unit", "rowCount counts rows, it has no percent unit");
    }
    if (sink.size() > before || threshold.isEmpty()) {
      return Optional.empty();
    }
    String name =
        Nodes.optionalText(node, "id")
            .or(() -> Nodes.optionalText(node, "name"))
            .orElse(field.map(f -> f.name() + "." + metricName).orElse(metricName));
    boolean perRecord =
        field.isPresent()
            && metric.get() != QualityMetric.DUPLICATE_VALUES
            && metric.get() != QualityMetric.ROW_COUNT
            && threshold.get().zeroTolerance()
            && unit == QualityRule.Unit.ROWS
            && severity == RuleSeverity.ERROR;
    return Optional.of(
        new Entry(
            name,
            metric.get(),
            threshold.get(),
            unit,
            severity,
            window,
            validValues,
            pattern,
            missing,
            Nodes.text(node, "description"),
            source,
            perRecord));
  }

  private Optional<Threshold> threshold(JsonNode node, String source) {
    List<Threshold.Operator> present = new ArrayList<>();
    for (Threshold.Operator op : Threshold.Operator.values()) {
      if (node.has(op.odcsValue())) {
        present.add(op);
      }
    }
    if (present.size() != 1) {
      add(
          source,
          present.isEmpty()
              ? "a quality rule needs one threshold (mustBe, mustBeLessThan, ...)"
              : "a quality rule takes exactly one threshold, found " + present.size());
      return Optional.empty();
    }
    Threshold.Operator op = present.get(0);
    JsonNode value = node.get(op.odcsValue());
    String pointer = source + "/" + op.odcsValue();
    if (op.ranged()) {
      if (!value.isArray()
          || value.size() != 2
          || !value.get(0).isNumber()
          || !value.get(1).isNumber()
          || value.get(0).decimalValue().compareTo(value.get(1).decimalValue()) > 0) {
        add(pointer, op.odcsValue() + " needs two numbers, the smaller first");
        return Optional.empty();
      }
      return Optional.of(
          new Threshold(op, value.get(0).decimalValue(), Optional.of(value.get(1).decimalValue())));
    }
    if (!value.isNumber()) {
      add(pointer, op.odcsValue() + " must be a number for a library metric");
      return Optional.empty();
    }
    return Optional.of(Threshold.of(op, value.decimalValue()));
  }

  private QualityRule.Unit unit(JsonNode node, String source) {
    String unit = Nodes.text(node, "unit").toLowerCase(Locale.ROOT);
    switch (unit) {
      case "", "rows", "row":
        return QualityRule.Unit.ROWS;
      case "percent", "percentage", "%":
        return QualityRule.Unit.PERCENT;
      default:
        add(source + "/unit", "unit must be rows or percent, not '" + unit + "'");
        return QualityRule.Unit.ROWS;
    }
  }

  private RuleSeverity severity(JsonNode node, String source) {
    String text = Nodes.text(node, "severity");
    if (text.isEmpty()) {
      return RuleSeverity.ERROR;
    }
    Optional<RuleSeverity> severity = RuleSeverity.parse(text);
    if (severity.isEmpty()) {
      add(source + "/severity", "severity must be info, warning or error, not '" + text + "'");
    }
    return severity.orElse(RuleSeverity.ERROR);
  }

  private Duration window(JsonNode node, String source) {
    Nodes.Custom window = Nodes.customProperties(node, source).get("window");
    if (window == null) {
      return DEFAULT_WINDOW;
    }
    Optional<Duration> parsed =
        window.value().isTextual() ? Durations.parse(window.value().textValue()) : Optional.empty();
    if (parsed.isEmpty()) {
      add(window.pointer(), "window must be a positive duration such as 5m or PT5M");
    }
    return parsed.orElse(DEFAULT_WINDOW);
  }

  private List<String> validValues(JsonNode values, String source, Optional<FieldContext> field) {
    if (!values.isArray()) {
      return List.of();
    }
    LogicalType type = field.map(FieldContext::logicalType).orElse(LogicalType.STRING);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      String pointer = JsonPointers.child(source + "/arguments/validValues", i);
      if (value.isNull()) {
        continue; // null is the business of nullValues / required
      }
      if (type == LogicalType.STRING && value.isTextual()) {
        result.add(value.textValue());
      } else if (type == LogicalType.INTEGER && value.isIntegralNumber()) {
        result.add(value.bigIntegerValue().toString());
      } else {
        String message =
            type == LogicalType.STRING || type == LogicalType.INTEGER
                ? "validValues of a "
                    + type.odcsValue()
                    + " property must be "
                    + type.odcsValue()
                    + "s"
                : "validValues apply to string and integer properties only";
        sink.add(new ContractViolation(ContractErrorCode.RULE_INVALID, pointer, message));
      }
    }
    return result;
  }

  private Optional<String> pattern(JsonNode node, String pointer) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      java.util.regex.Pattern.compile(node.textValue());
      return Optional.of(node.textValue());
    } catch (PatternSyntaxException e) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.RULE_INVALID,
              pointer,
              "pattern is not a valid regular expression: " + e.getDescription()));
      return Optional.empty();
    }
  }

  private static List<String> texts(JsonNode values) {
    List<String> result = new ArrayList<>();
    for (JsonNode value : values) {
      if (!value.isNull()) {
        result.add(value.asText());
      }
    }
    return result;
  }

  private <T> Optional<T> invalid(String pointer, String message) {
    add(pointer, message);
    return Optional.empty();
  }

  private <T> Optional<T> invalid(ContractErrorCode code, String pointer, String message) {
    sink.add(new ContractViolation(code, pointer, message));
    return Optional.empty();
  }

  private void add(String pointer, String message) {
    sink.add(new ContractViolation(ContractErrorCode.QUALITY_RULE_INVALID, pointer, message));
  }

  /** One readable quality entry, before it is placed as record rule or aggregate rule. */
  private record Entry(
      String name,
      QualityMetric metric,
      Threshold threshold,
      QualityRule.Unit unit,
      RuleSeverity severity,
      Duration window,
      List<String> validValues,
      Optional<String> pattern,
      List<String> missingValues,
      String description,
      String source,
      boolean perRecord) {

    QualityRule rule(List<String> fields) {
      return new QualityRule(
          name,
          metric,
          fields,
          threshold,
          unit,
          window,
          severity,
          validValues,
          pattern,
          missingValues,
          description,
          source);
    }

    List<RecordRule> recordRules(FieldContext field) {
      List<RecordRule> rules = new ArrayList<>();
      switch (metric) {
        case NULL_VALUES -> rules.add(new RecordRule.Required(field.path(), source));
        case MISSING_VALUES -> {
          rules.add(new RecordRule.Required(field.path(), source));
          rules.add(
              new RecordRule.NotMissing(
                  field.path(), source, missingValues.isEmpty() ? List.of("") : missingValues));
        }
        case INVALID_VALUES -> {
          if (!validValues.isEmpty()) {
            rules.add(new RecordRule.ValidValues(field.path(), source, validValues));
          }
          pattern.ifPresent(p -> rules.add(new RecordRule.Pattern(field.path(), source, p)));
        }
        default -> throw new IllegalStateException(metric + " is never per record");
      }
      return rules;
    }
  }
}
