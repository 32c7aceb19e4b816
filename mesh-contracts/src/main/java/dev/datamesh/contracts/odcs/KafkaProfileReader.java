package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.JsonPointers;
import dev.datamesh.contracts.KafkaProfile;
import dev.datamesh.contracts.LogicalType;
import dev.datamesh.contracts.ProductId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Kafka profile from the root {@code customProperties}. Names: {@code keyField}, {@code
 * partitions}, {@code compacted}, {@code rawRetention}, {@code deadLetterRetention}, {@code
 * eventTimeField}, {@code upstreamProducts}, {@code compatibility}, {@code avroSchema}.
 */
final class KafkaProfileReader {

  static final String KEY_FIELD = "keyField";
  static final String PARTITIONS = "partitions";
  static final String COMPACTED = "compacted";
  static final String RAW_RETENTION = "rawRetention";
  static final String DEAD_LETTER_RETENTION = "deadLetterRetention";
  static final String EVENT_TIME_FIELD = "eventTimeField";
  static final String UPSTREAM_PRODUCTS = "upstreamProducts";
  static final String COMPATIBILITY = "compatibility";
  static final String AVRO_SCHEMA = "avroSchema";

  /** Upper bound on partitions: a sanity limit against typos, far above any product's need. */
  static final int MAX_PARTITIONS = 10_000;

  private final List<ContractViolation> sink;
  private final Map<String, Nodes.Custom> custom;

  KafkaProfileReader(JsonNode root, List<ContractViolation> sink) {
    this.sink = sink;
    this.custom = Nodes.customProperties(root, "");
  }

  CompatibilityMode compatibility() {
    Nodes.Custom node = custom.get(COMPATIBILITY);
    if (node == null) {
      return CompatibilityMode.DEFAULT;
    }
    Optional<CompatibilityMode> mode =
        node.value().isTextual()
            ? CompatibilityMode.parse(node.value().textValue())
            : Optional.empty();
    if (mode.isEmpty()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.COMPATIBILITY_INVALID,
              node.pointer(),
              "compatibility must be one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
                  + " FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE"));
    }
    return mode.orElse(CompatibilityMode.DEFAULT);
  }

  /** The explicit Avro schema as JSON text with its pointer, if the contract gives one. */
  Optional<Nodes.Custom> avroSchema() {
    Nodes.Custom node = custom.get(AVRO_SCHEMA);
    if (node == null) {
      return Optional.empty();
    }
    if (node.value().isTextual() || node.value().isObject()) {
      return Optional.of(node);
    }
    add(node.pointer(), "avroSchema must be an Avro schema as JSON text or as an object");
    return Optional.empty();
  }

  KafkaProfile read(
      Optional<ProductId> product,
      List<FieldDefinition> fields,
      Optional<Duration> certifiedRetention,
      boolean explicitSchema) {
    Optional<String> keyField =
        fieldName(KEY_FIELD, fields, Set.of(LogicalType.STRING, LogicalType.INTEGER));
    boolean compacted = compacted();
    if (compacted && keyField.isEmpty()) {
      add(custom.get(COMPACTED).pointer(), "a compacted product needs a keyField");
    }
    return new KafkaProfile(
        keyField,
        partitions(),
        compacted,
        retention(RAW_RETENTION, KafkaProfile.DEFAULT_RAW_RETENTION),
        certifiedRetention.orElse(KafkaProfile.DEFAULT_CERTIFIED_RETENTION),
        retention(DEAD_LETTER_RETENTION, KafkaProfile.DEFAULT_DEAD_LETTER_RETENTION),
        fieldName(EVENT_TIME_FIELD, fields, Set.of(LogicalType.TIMESTAMP)),
        upstream(product),
        explicitSchema);
  }

  private Optional<String> fieldName(
      String property, List<FieldDefinition> fields, Set<LogicalType> types) {
    Nodes.Custom node = custom.get(property);
    if (node == null) {
      return Optional.empty();
    }
    String name = node.value().asText("");
    Optional<FieldDefinition> field =
        fields.stream().filter(f -> f.name().equals(name)).findFirst();
    if (!node.value().isTextual() || field.isEmpty()) {
      add(node.pointer(), property + " must name a top-level property, '" + name + "' is none");
      return Optional.empty();
    }
    if (!field.get().required() || !types.contains(field.get().logicalType())) {
      add(
          node.pointer(),
          property
              + " must name a required property of type "
              + types.stream().map(LogicalType::odcsValue).sorted().toList());
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private int partitions() {
    Nodes.Custom node = custom.get(PARTITIONS);
    if (node == null) {
      return KafkaProfile.DEFAULT_PARTITIONS;
    }
    JsonNode value = node.value();
    if (!value.isIntegralNumber() || value.longValue() < 1 || value.longValue() > MAX_PARTITIONS) {
      add(node.pointer(), "partitions must be an integer from 1 to " + MAX_PARTITIONS);
      return KafkaProfile.DEFAULT_PARTITIONS;
    }
    return value.intValue();
  }

  private boolean compacted() {
    Nodes.Custom node = custom.get(COMPACTED);
    if (node == null) {
      return false;
    }
    if (!node.value().isBoolean()) {
      add(node.pointer(), "compacted must be true or false");
      return false;
    }
    return node.value().booleanValue();
  }

  private Duration retention(String property, Duration fallback) {
    Nodes.Custom node = custom.get(property);
    if (node == null) {
      return fallback;
    }
    Optional<Duration> duration =
        node.value().isTextual() ? Durations.parse(node.value().textValue()) : Optional.empty();
    if (duration.isEmpty()) {
      add(node.pointer(), property + " must be a positive duration such as 7d or P7D");
    }
    return duration.orElse(fallback);
  }

  private List<ProductId> upstream(Optional<ProductId> self) {
    Nodes.Custom node = custom.get(UPSTREAM_PRODUCTS);
    if (node == null) {
      return List.of();
    }
    if (!node.value().isArray()) {
      add(node.pointer(), "upstreamProducts must be a list of product ids (<domain>.<product>)");
      return List.of();
    }
    Set<ProductId> inputs = new LinkedHashSet<>();
    for (int i = 0; i < node.value().size(); i++) {
      String text = node.value().get(i).asText("");
      String pointer = JsonPointers.child(node.pointer(), i);
      Optional<ProductId> id = ProductId.parse(text);
      if (id.isEmpty()) {
        add(pointer, "'" + text + "' is not a product id (<domain>.<product>, lower-case kebab)");
      } else if (self.isPresent() && id.get().equals(self.get())) {
        add(pointer, "a product cannot be its own upstream");
      } else if (!inputs.add(id.get())) {
        add(pointer, "'" + text + "' is listed twice");
      }
    }
    return new ArrayList<>(inputs);
  }

  private void add(String pointer, String message) {
    sink.add(new ContractViolation(ContractErrorCode.KAFKA_PROFILE_INVALID, pointer, message));
  }
}
