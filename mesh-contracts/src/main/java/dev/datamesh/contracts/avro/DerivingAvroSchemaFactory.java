package dev.datamesh.contracts.avro;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.RecordRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

final class DerivingAvroSchemaFactory implements AvroSchemaFactory {

  static final DerivingAvroSchemaFactory INSTANCE = new DerivingAvroSchemaFactory();

  private static final Set<String> INT_FORMATS = Set.of("i8", "i16", "i32", "u8", "u16");

  private DerivingAvroSchemaFactory() {}

  @Override
  public AvroSchemaResult derive(ProductId product, String doc, List<FieldDefinition> fields) {
    List<ContractViolation> violations = new ArrayList<>();
    String namespace = AvroSchemaFactory.namespace(product);
    String name = AvroSchemaFactory.recordName(product);
    Schema record =
        record(
            name,
            namespace,
            doc,
            fields,
            namespace + "." + AvroSchemaFactory.snakeCase(product.product()),
            violations);
    return violations.isEmpty()
        ? AvroSchemaResult.of(record)
        : AvroSchemaResult.rejected(violations);
  }

  @Override
  public AvroSchemaResult check(String schemaJson, List<FieldDefinition> fields, String source) {
    return new ExplicitSchemaChecker(source).check(schemaJson, fields);
  }

  private Schema record(
      String name,
      String namespace,
      String doc,
      List<FieldDefinition> fields,
      String childNamespace,
      List<ContractViolation> violations) {
    List<Schema.Field> avroFields = new ArrayList<>(fields.size());
    for (FieldDefinition field : fields) {
      Schema type = type(field, childNamespace, violations);
      if (type == null) {
        continue;
      }
      String fieldDoc = field.description().isBlank() ? null : field.description();
      avroFields.add(
          field.required()
              ? new Schema.Field(field.name(), type, fieldDoc)
              : new Schema.Field(
                  field.name(),
                  Schema.createUnion(Schema.create(Schema.Type.NULL), type),
                  fieldDoc,
                  JsonProperties.NULL_VALUE));
    }
    return Schema.createRecord(name, blankToNull(doc), namespace, false, avroFields);
  }

  /** The non-null Avro type of a field; null (with a violation) if it cannot be derived. */
  private Schema type(FieldDefinition field, String namespace, List<ContractViolation> sink) {
    String physical = field.physicalType().orElse("");
    String format = field.format().orElse("");
    return switch (field.logicalType()) {
      case STRING -> stringType(field, namespace, physical, format, sink);
      case INTEGER ->
          Schema.create(
              physical.equals("int") || (physical.isEmpty() && INT_FORMATS.contains(format))
                  ? Schema.Type.INT
                  : Schema.Type.LONG);
      case NUMBER -> numberType(physical, format);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP ->
          physical.equals("timestamp-micros")
              ? LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))
              : LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case TIME ->
          physical.equals("time-micros")
              ? LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG))
              : LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      case ARRAY -> arrayType(field, namespace, sink);
      case OBJECT ->
          record(
              AvroSchemaFactory.pascalCase(field.name()),
              namespace,
              field.description(),
              field.fields(),
              namespace + "." + AvroSchemaFactory.snakeCase(field.name()),
              sink);
    };
  }

  private Schema stringType(
      FieldDefinition field,
      String namespace,
      String physical,
      String format,
      List<ContractViolation> sink) {
    if (physical.equals("enum")) {
      return enumType(field, namespace, sink);
    }
    if (physical.equals("uuid") || format.equals("uuid")) {
      return LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
    }
    return Schema.create(Schema.Type.STRING);
  }

  private Schema enumType(FieldDefinition field, String namespace, List<ContractViolation> sink) {
    Optional<List<String>> symbols =
        field.rules().stream()
            .filter(RecordRule.ValidValues.class::isInstance)
            .map(r -> ((RecordRule.ValidValues) r).values())
            .findFirst();
    if (symbols.isEmpty() || symbols.get().isEmpty()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.FIELD_TYPE_INVALID,
              field.source(),
              "physicalType enum needs an invalidValues rule with validValues (mustBe: 0)"));
      return null;
    }
    for (String symbol : symbols.get()) {
      if (!AVRO_NAME.matcher(symbol).matches()) {
        sink.add(
            new ContractViolation(
                ContractErrorCode.FIELD_TYPE_INVALID,
                field.source(),
                "valid value '"
                    + symbol
                    + "' cannot be an Avro enum symbol ([A-Za-z_][A-Za-z0-9_]*)"));
        return null;
      }
    }
    return Schema.createEnum(
        AvroSchemaFactory.pascalCase(field.name()),
        blankToNull(field.description()),
        namespace,
        symbols.get());
  }

  private static Schema numberType(String physical, String format) {
    Optional<PhysicalTypes.Decimal> decimal = PhysicalTypes.decimal(physical);
    if (decimal.isPresent()) {
      return LogicalTypes.decimal(decimal.get().precision(), decimal.get().scale())
          .addToSchema(Schema.create(Schema.Type.BYTES));
    }
    boolean single = physical.equals("float") || (physical.isEmpty() && format.equals("f32"));
    return Schema.create(single ? Schema.Type.FLOAT : Schema.Type.DOUBLE);
  }

  private Schema arrayType(FieldDefinition field, String namespace, List<ContractViolation> sink) {
    if (field.items().isEmpty()) {
      sink.add(
          new ContractViolation(
              ContractErrorCode.FIELD_TYPE_INVALID,
              field.source(),
              "an array property needs 'items'"));
      return null;
    }
    Schema items = type(field.items().get(), namespace, sink);
    return items == null ? null : Schema.createArray(items);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
