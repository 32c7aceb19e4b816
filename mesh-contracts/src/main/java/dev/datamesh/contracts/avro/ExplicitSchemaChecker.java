package dev.datamesh.contracts.avro;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Checks an explicit Avro schema against the contract's properties. One instance per check. */
final class ExplicitSchemaChecker {

  private final String source;
  private final List<ContractViolation> violations = new ArrayList<>();

  ExplicitSchemaChecker(String source) {
    this.source = source;
  }

  AvroSchemaResult check(String schemaJson, List<FieldDefinition> fields) {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(schemaJson);
    } catch (RuntimeException e) { // SchemaParseException, AvroTypeException on bad defaults
      return AvroSchemaResult.rejected(
          List.of(
              new ContractViolation(
                  ContractErrorCode.AVRO_SCHEMA_INVALID,
                  source,
                  "the explicit Avro schema does not parse: " + e.getMessage())));
    }
    if (schema.getType() != Schema.Type.RECORD) {
      return AvroSchemaResult.rejected(
          List.of(
              new ContractViolation(
                  ContractErrorCode.AVRO_SCHEMA_INVALID,
                  source,
                  "the explicit Avro schema must be a record, not " + schema.getType())));
    }
    compareRecord(schema, fields);
    return violations.isEmpty()
        ? AvroSchemaResult.of(schema)
        : AvroSchemaResult.rejected(violations);
  }

  private void compareRecord(Schema record, List<FieldDefinition> fields) {
    for (FieldDefinition field : fields) {
      Schema.Field avroField = record.getField(field.name());
      if (avroField == null) {
        add(
            ContractErrorCode.AVRO_FIELD_MISSING,
            field.source(),
            "property '"
                + field.name()
                + "' has no field in the Avro record "
                + record.getFullName());
        continue;
      }
      compareField(field, avroField.schema());
    }
    Set<String> declared = fields.stream().map(FieldDefinition::name).collect(Collectors.toSet());
    for (Schema.Field avroField : record.getFields()) {
      if (!declared.contains(avroField.name())) {
        add(
            ContractErrorCode.AVRO_FIELD_UNDECLARED,
            source,
            "Avro field '"
                + record.getFullName()
                + "."
                + avroField.name()
                + "' is not a property of the contract");
      }
    }
  }

  private void compareField(FieldDefinition field, Schema schema) {
    boolean nullable = isNullable(schema);
    if (nullable == field.required()) {
      add(
          ContractErrorCode.AVRO_NULLABILITY_MISMATCH,
          field.source(),
          field.required()
              ? "property '" + field.name() + "' is required but its Avro type is nullable"
              : "property '"
                  + field.name()
                  + "' is optional but its Avro type does not allow null");
    }
    Schema type = nonNull(schema);
    if (type == null) {
      add(
          ContractErrorCode.AVRO_TYPE_MISMATCH,
          field.source(),
          "property '" + field.name() + "': unions of several non-null types are not supported");
      return;
    }
    compareType(field, type);
  }

  private void compareType(FieldDefinition field, Schema type) {
    if (!agrees(field.logicalType(), type)) {
      add(
          ContractErrorCode.AVRO_TYPE_MISMATCH,
          field.source(),
          "property '"
              + field.name()
              + "' is "
              + field.logicalType().odcsValue()
              + " but its Avro type is "
              + describe(type));
      return;
    }
    if (field.logicalType() == LogicalType.OBJECT) {
      compareRecord(type, field.fields());
    } else if (field.logicalType() == LogicalType.ARRAY && field.items().isPresent()) {
      Schema items = type.getElementType();
      if (items.getType() == Schema.Type.UNION) {
        add(
            ContractErrorCode.AVRO_TYPE_MISMATCH,
            field.source(),
            "property '" + field.name() + "': array items must not be a union");
        return;
      }
      compareType(field.items().get(), items);
    }
  }

  static boolean agrees(LogicalType logicalType, Schema type) {
    org.apache.avro.LogicalType avroLogical = type.getLogicalType();
    return switch (logicalType) {
      case STRING -> type.getType() == Schema.Type.STRING || type.getType() == Schema.Type.ENUM;
      case INTEGER ->
          (type.getType() == Schema.Type.INT || type.getType() == Schema.Type.LONG)
              && avroLogical == null;
      case NUMBER ->
          type.getType() == Schema.Type.FLOAT
              || type.getType() == Schema.Type.DOUBLE
              || avroLogical instanceof LogicalTypes.Decimal;
      case BOOLEAN -> type.getType() == Schema.Type.BOOLEAN;
      case DATE -> avroLogical instanceof LogicalTypes.Date;
      case TIMESTAMP ->
          avroLogical instanceof LogicalTypes.TimestampMillis
              || avroLogical instanceof LogicalTypes.TimestampMicros
              || avroLogical instanceof LogicalTypes.LocalTimestampMillis
              || avroLogical instanceof LogicalTypes.LocalTimestampMicros;
      case TIME ->
          avroLogical instanceof LogicalTypes.TimeMillis
              || avroLogical instanceof LogicalTypes.TimeMicros;
      case ARRAY -> type.getType() == Schema.Type.ARRAY;
      case OBJECT -> type.getType() == Schema.Type.RECORD;
    };
  }

  private static boolean isNullable(Schema schema) {
    return schema.getType() == Schema.Type.NULL
        || (schema.getType() == Schema.Type.UNION
            && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL));
  }

  /** The single non-null branch, the schema itself if not a union, or null if ambiguous. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : null;
  }

  private static String describe(Schema type) {
    return type.getLogicalType() == null
        ? type.getType().getName()
        : type.getType().getName() + " (" + type.getLogicalType().getName() + ")";
  }

  private void add(ContractErrorCode code, String pointer, String message) {
    violations.add(new ContractViolation(code, pointer, message));
  }
}
