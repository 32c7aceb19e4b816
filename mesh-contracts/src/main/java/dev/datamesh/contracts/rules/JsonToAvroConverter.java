package dev.datamesh.contracts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.JsonPointers;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Converts one JSON event into Avro's generic representation, collecting type violations. One
 * instance per event (it holds the violations found).
 */
final class JsonToAvroConverter {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private final List<ContractViolation> violations = new ArrayList<>();
  private final Set<String> failedPaths = new HashSet<>();

  List<ContractViolation> violations() {
    return violations;
  }

  /** Paths whose value could not be converted (left null in the record). */
  Set<String> failedPaths() {
    return failedPaths;
  }

  GenericData.Record record(JsonNode node, Schema schema, String path) {
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = node.get(field.name());
      String fieldPath = JsonPointers.child(path, field.name());
      record.put(field.pos(), value == null ? null : convert(value, field.schema(), fieldPath));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (schema.getField(name) == null) {
        fail(
            ContractErrorCode.RECORD_UNKNOWN_FIELD,
            JsonPointers.child(path, name),
            "field '" + name + "' is not declared in the contract");
      }
    }
    return record;
  }

  private Object convert(JsonNode node, Schema schema, String path) {
    if (node.isNull()) {
      return null; // required-ness is the RecordValidator's business
    }
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case UNION -> union(node, schema, path);
      case NULL -> mismatch(path, "null");
      case STRING -> string(node, logical, path);
      case ENUM -> enumSymbol(node, schema, path);
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : mismatch(path, "a boolean");
      case INT -> intValue(node, logical, path);
      case LONG -> longValue(node, logical, path);
      case FLOAT -> node.isNumber() ? node.floatValue() : mismatch(path, "a number");
      case DOUBLE -> node.isNumber() ? node.doubleValue() : mismatch(path, "a number");
      case BYTES -> bytes(node, schema, logical, path);
      case ARRAY -> array(node, schema, path);
      case MAP -> map(node, schema, path);
      case RECORD -> node.isObject() ? record(node, schema, path) : mismatch(path, "an object");
      case FIXED -> mismatch(path, "a value of a supported type (fixed is not supported)");
    };
  }

  private Object union(JsonNode node, Schema union, String path) {
    List<Schema> branches =
        union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    if (branches.size() == 1) {
      return convert(node, branches.get(0), path);
    }
    for (Schema branch : branches) {
      JsonToAvroConverter attempt = new JsonToAvroConverter();
      Object value = attempt.convert(node, branch, path);
      if (attempt.violations.isEmpty()) {
        return value;
      }
    }
    return mismatch(path, "a value of one of " + branches);
  }

  private Object string(JsonNode node, LogicalType logical, String path) {
    if (!node.isTextual()) {
      return mismatch(path, "a string");
    }
    if (logical instanceof LogicalTypes.Uuid && !UUID.matcher(node.textValue()).matches()) {
      return mismatch(path, "a UUID string");
    }
    return node.textValue();
  }

  private Object enumSymbol(JsonNode node, Schema schema, String path) {
    if (node.isTextual() && schema.hasEnumSymbol(node.textValue())) {
      return new GenericData.EnumSymbol(schema, node.textValue());
    }
    return fail(
        ContractErrorCode.RECORD_VALUE_NOT_ALLOWED,
        path,
        "value is not one of " + schema.getEnumSymbols());
  }

  private Object intValue(JsonNode node, LogicalType logical, String path) {
    if (logical instanceof LogicalTypes.Date) {
      if (node.isTextual()) {
        try {
          return Math.toIntExact(LocalDate.parse(node.textValue()).toEpochDay());
        } catch (DateTimeParseException | ArithmeticException e) {
          return mismatch(path, "an ISO-8601 date (yyyy-MM-dd)");
        }
      }
    } else if (logical instanceof LogicalTypes.TimeMillis && node.isTextual()) {
      try {
        return (int) (LocalTime.parse(node.textValue()).toNanoOfDay() / 1_000_000);
      } catch (DateTimeParseException e) {
        return mismatch(path, "an ISO-8601 time (HH:mm:ss)");
      }
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    return mismatch(path, logical == null ? "a 32-bit integer" : "a " + logical.getName());
  }

  private Object longValue(JsonNode node, LogicalType logical, String path) {
    if (node.isTextual() && logical != null) {
      return temporalText(node.textValue(), logical, path);
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    return mismatch(path, logical == null ? "an integer" : "a " + logical.getName());
  }

  private Object temporalText(String text, LogicalType logical, String path) {
    try {
      if (logical instanceof LogicalTypes.TimeMicros) {
        return LocalTime.parse(text).toNanoOfDay() / 1_000;
      }
      Instant instant = instant(text);
      if (logical instanceof LogicalTypes.TimestampMicros) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
      }
      if (logical instanceof LogicalTypes.TimestampMillis) {
        return instant.toEpochMilli();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return mismatch(path, "an ISO-8601 timestamp with offset (2024-05-01T12:00:00Z)");
    }
    return mismatch(path, "an integer");
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(text);
    }
  }

  private Object bytes(JsonNode node, Schema schema, LogicalType logical, String path) {
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return decimal(node, schema, decimal, path);
    }
    if (node.isTextual()) {
      try {
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        return mismatch(path, "base64 text");
      }
    }
    return mismatch(path, "base64 text");
  }

  private Object decimal(JsonNode node, Schema schema, LogicalTypes.Decimal decimal, String path) {
    BigDecimal value;
    try {
      value =
          node.isNumber()
              ? node.decimalValue()
              : node.isTextual() ? new BigDecimal(node.textValue()) : null;
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null) {
      return mismatch(path, "a decimal number");
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(decimal.getScale());
    } catch (ArithmeticException e) {
      return mismatch(path, "a decimal with at most " + decimal.getScale() + " decimal places");
    }
    if (scaled.precision() > decimal.getPrecision()) {
      return mismatch(path, "a decimal with at most " + decimal.getPrecision() + " digits");
    }
    return DECIMALS.toBytes(scaled, schema, decimal);
  }

  private Object array(JsonNode node, Schema schema, String path) {
    if (!node.isArray()) {
      return mismatch(path, "an array");
    }
    GenericData.Array<Object> array = new GenericData.Array<>(node.size(), schema);
    for (int i = 0; i < node.size(); i++) {
      array.add(convert(node.get(i), schema.getElementType(), JsonPointers.child(path, i)));
    }
    return array;
  }

  private Object map(JsonNode node, Schema schema, String path) {
    if (!node.isObject()) {
      return mismatch(path, "an object");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e ->
                map.put(
                    e.getKey(),
                    convert(
                        e.getValue(),
                        schema.getValueType(),
                        JsonPointers.child(path, e.getKey()))));
    return map;
  }

  private Object mismatch(String path, String expected) {
    return fail(ContractErrorCode.RECORD_TYPE_MISMATCH, path, "expected " + expected);
  }

  private Object fail(ContractErrorCode code, String path, String message) {
    violations.add(new ContractViolation(code, path, message));
    failedPaths.add(path);
    return null;
  }
}
