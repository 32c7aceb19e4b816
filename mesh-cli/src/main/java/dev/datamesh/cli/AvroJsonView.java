package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * An Avro value as the JSON a person reads: logical types as their values (decimals as numbers,
 * timestamps as ISO-8601, dates and times as text), unions unwrapped, bytes as base64. Not Avro's
 * JSON encoding, which wraps unions and writes decimals as byte strings.
 */
final class AvroJsonView {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private AvroJsonView() {}

  static JsonNode of(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case UNION -> of(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
      case RECORD -> record((GenericRecord) value);
      case ARRAY -> array((Collection<?>) value, schema.getElementType());
      case MAP -> map((Map<?, ?>) value, schema.getValueType());
      case BYTES, FIXED -> bytes(value, schema);
      case INT -> logical(((Number) value).longValue(), schema, NODES.numberNode((Integer) value));
      case LONG -> logical((Long) value, schema, NODES.numberNode((Long) value));
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case NULL -> NODES.nullNode();
      default -> NODES.textNode(value.toString()); // STRING, ENUM
    };
  }

  private static ObjectNode record(GenericRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), of(record.get(field.pos()), field.schema()));
    }
    return node;
  }

  private static ArrayNode array(Collection<?> values, Schema element) {
    ArrayNode node = NODES.arrayNode();
    values.forEach(v -> node.add(of(v, element)));
    return node;
  }

  private static ObjectNode map(Map<?, ?> values, Schema valueSchema) {
    ObjectNode node = NODES.objectNode();
    values.forEach((k, v) -> node.set(k.toString(), of(v, valueSchema)));
    return node;
  }

  private static JsonNode bytes(Object value, Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return NODES.numberNode(
          value instanceof ByteBuffer buffer
              ? DECIMALS.fromBytes(buffer.duplicate(), schema, logical)
              : DECIMALS.fromFixed((GenericFixed) value, schema, logical));
    }
    byte[] bytes;
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      bytes = new byte[copy.remaining()];
      copy.get(bytes);
    } else {
      bytes = ((GenericFixed) value).bytes();
    }
    return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
  }

  private static JsonNode logical(long value, Schema schema, JsonNode plain) {
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      return plain;
    }
    return switch (logical.getName()) {
      case "timestamp-millis", "local-timestamp-millis" ->
          NODES.textNode(Instant.ofEpochMilli(value).toString());
      case "timestamp-micros", "local-timestamp-micros" ->
          NODES.textNode(Instant.EPOCH.plusNanos(value * 1_000).toString());
      case "date" -> NODES.textNode(LocalDate.ofEpochDay(value).toString());
      case "time-millis" -> NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000_000).toString());
      case "time-micros" -> NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000).toString());
      default -> plain;
    };
  }
}
