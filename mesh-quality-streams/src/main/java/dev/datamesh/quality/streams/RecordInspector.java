package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.QualityMetric;
import dev.datamesh.contracts.QualityRule;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * What one certified record says about its product's aggregate quality: which fields are null,
 * which aggregate rules it breaks, its unique-key values and its event time. Compiled once per
 * contract version; immutable and thread-safe.
 */
final class RecordInspector {
  /** Name of the product's unique key among the duplicate definitions. */
  static final String UNIQUE_KEY = "uniqueKey";

  private static final Object NOT_APPLICABLE = new Object();
  private static final char KEY_SEPARATOR = '\u001f';

  private final DataContract contract;
  private final List<FieldPath> fields;
  private final List<RuleCheck> ruleChecks;
  private final Map<String, List<FieldPath>> keyDefinitions;
  private final Optional<FieldPath> eventTimeField;

  private RecordInspector(DataContract contract) {
    this.contract = contract;
    this.fields =
        contract.allFields().stream()
            .map(f -> FieldPath.of(f.path()))
            .flatMap(Optional::stream)
            .toList();
    this.ruleChecks =
        contract.qualityRules().stream().map(RuleCheck::of).flatMap(Optional::stream).toList();
    this.keyDefinitions = keyDefinitions(contract);
    this.eventTimeField =
        contract.kafka().eventTimeField().flatMap(name -> FieldPath.of("/" + name));
  }

  static RecordInspector forContract(DataContract contract) {
    return new RecordInspector(contract);
  }

  DataContract contract() {
    return contract;
  }

  /** The observation of a decoded certified record. */
  Observation inspect(GenericRecord record, long recordTimestamp, long certifiedAt) {
    List<String> nulls = new ArrayList<>(2);
    for (FieldPath field : fields) {
      Object value = field.read(record);
      if (value == null) {
        nulls.add(field.pointer);
      }
    }
    List<String> violations = new ArrayList<>(1);
    for (RuleCheck check : ruleChecks) {
      if (check.brokenBy(check.field.read(record))) {
        violations.add(check.rule.name());
      }
    }
    Map<String, String> keys = new HashMap<>(keyDefinitions.size() * 2);
    keyDefinitions.forEach(
        (name, parts) -> {
          String key = keyOf(record, parts);
          if (key != null) {
            keys.put(name, key);
          }
        });
    return new Observation(
        Observation.Kind.CERTIFIED,
        eventTime(record, recordTimestamp),
        certifiedAt,
        contract.version().toString(),
        nulls,
        violations,
        keys,
        null);
  }

  private long eventTime(GenericRecord record, long recordTimestamp) {
    if (eventTimeField.isEmpty()) {
      return recordTimestamp;
    }
    FieldPath path = eventTimeField.get();
    Object value = path.read(record);
    if (!(value instanceof Long millisOrMicros)) {
      return recordTimestamp;
    }
    Schema schema = path.schema(record.getSchema());
    LogicalType logical = schema == null ? null : schema.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMicros
        || logical instanceof LogicalTypes.LocalTimestampMicros) {
      return TimeUnit.MICROSECONDS.toMillis(millisOrMicros);
    }
    return millisOrMicros;
  }

  private static String keyOf(GenericRecord record, List<FieldPath> parts) {
    StringBuilder key = new StringBuilder();
    for (FieldPath part : parts) {
      Object value = part.read(record);
      if (value == null || value == NOT_APPLICABLE) {
        return null;
      }
      if (key.length() > 0) {
        key.append(KEY_SEPARATOR);
      }
      key.append(text(value));
    }
    return key.toString();
  }

  /**
   * Duplicate definitions: each duplicate rule's fields under the rule's name, and the product's
   * unique key (the first duplicate rule's fields, else the {@code unique} top-level fields, else
   * the key field) under {@link #UNIQUE_KEY}.
   */
  private static Map<String, List<FieldPath>> keyDefinitions(DataContract contract) {
    Map<String, List<FieldPath>> definitions = new HashMap<>();
    List<String> uniqueKey = List.of();
    for (QualityRule rule : contract.qualityRules()) {
      if (rule.metric() == QualityMetric.DUPLICATE_VALUES && !rule.fields().isEmpty()) {
        definitions.put(rule.name(), paths(rule.fields()));
        if (uniqueKey.isEmpty()) {
          uniqueKey = rule.fields();
        }
      }
    }
    if (uniqueKey.isEmpty()) {
      uniqueKey =
          contract.fields().stream().filter(FieldDefinition::unique).map(f -> f.path()).toList();
    }
    if (uniqueKey.isEmpty() && contract.kafka().keyField().isPresent()) {
      uniqueKey = List.of("/" + contract.kafka().keyField().get());
    }
    if (!uniqueKey.isEmpty()) {
      definitions.put(UNIQUE_KEY, paths(uniqueKey));
    }
    return Map.copyOf(definitions);
  }

  private static List<FieldPath> paths(List<String> pointers) {
    return pointers.stream().map(FieldPath::of).flatMap(Optional::stream).toList();
  }

  static String text(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }

  /** A value's position in a record, by JSON Pointer over nested records. */
  private record FieldPath(String pointer, String[] names) {
    static Optional<FieldPath> of(String pointer) {
      if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
        return Optional.empty();
      }
      String[] names = pointer.substring(1).split("/");
      for (int i = 0; i < names.length; i++) {
        names[i] = names[i].replace("~1", "/").replace("~0", "~");
      }
      return Optional.of(new FieldPath(pointer, names));
    }

    /**
     * The value, null when it or a parent is null or absent (an older writer schema), or {@link
     * #NOT_APPLICABLE} when the path leads through something other than a record (an array).
     */
    Object read(GenericRecord record) {
      Object current = record;
      for (String name : names) {
        if (current == null) {
          return null;
        }
        if (!(current instanceof GenericRecord r)) {
          return NOT_APPLICABLE;
        }
        current = r.hasField(name) ? r.get(name) : null;
      }
      return current;
    }

    /** The (non-null branch of the) schema at this path, or null. */
    Schema schema(Schema root) {
      Schema current = root;
      for (String name : names) {
        current = nonNull(current);
        if (current == null || current.getType() != Schema.Type.RECORD) {
          return null;
        }
        Schema.Field field = current.getField(name);
        current = field == null ? null : field.schema();
      }
      return nonNull(current);
    }

    private static Schema nonNull(Schema schema) {
      if (schema == null || schema.getType() != Schema.Type.UNION) {
        return schema;
      }
      return schema.getTypes().stream()
          .filter(s -> s.getType() != Schema.Type.NULL)
          .findFirst()
          .orElse(null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FieldPath other && other.pointer.equals(pointer);
    }

    @Override
    public int hashCode() {
      return pointer.hashCode();
    }

    @Override
    public String toString() {
      return pointer;
    }
  }

  /** The per-record part of an aggregate null, missing or invalid values rule. */
  private record RuleCheck(QualityRule rule, FieldPath field, Optional<Pattern> pattern) {
    static Optional<RuleCheck> of(QualityRule rule) {
      boolean perRecord =
          rule.metric() == QualityMetric.NULL_VALUES
              || rule.metric() == QualityMetric.MISSING_VALUES
              || rule.metric() == QualityMetric.INVALID_VALUES;
      if (!perRecord || rule.fields().size() != 1) {
        return Optional.empty();
      }
      return FieldPath.of(rule.fields().get(0))
          .map(path -> new RuleCheck(rule, path, rule.pattern().map(Pattern::compile)));
    }

    boolean brokenBy(Object value) {
      if (value == NOT_APPLICABLE) {
        return false;
      }
      return switch (rule.metric()) {
        case NULL_VALUES -> value == null;
        case MISSING_VALUES -> value == null || rule.missingValues().contains(text(value));
        case INVALID_VALUES -> value != null && invalid(text(value));
        default -> false;
      };
    }

    private boolean invalid(String text) {
      if (!rule.validValues().isEmpty() && !rule.validValues().contains(text)) {
        return true;
      }
      return pattern.isPresent() && !pattern.get().matcher(text).find();
    }
  }
}
