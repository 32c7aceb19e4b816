package dev.datamesh.contracts.avro;

import static dev.datamesh.contracts.ContractDocs.addCustomProperty;
import static dev.datamesh.contracts.ContractDocs.addProperty;
import static dev.datamesh.contracts.ContractDocs.load;
import static dev.datamesh.contracts.ContractDocs.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.datamesh.contracts.ContractDocs;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.TestContracts;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemaFactoryTest {

  private static final String ALL_TYPES =
      """
      - {name: text, logicalType: string, required: true, description: plain text}
      - {name: uuidText, logicalType: string, logicalTypeOptions: {format: uuid}, required: true, description: a uuid}
      - {name: count, logicalType: integer, required: true, description: default integer}
      - {name: smallCount, logicalType: integer, physicalType: int, required: true, description: int}
      - {name: i16Count, logicalType: integer, logicalTypeOptions: {format: i16}, required: true, description: i16}
      - {name: ratio, logicalType: number, required: true, description: default number}
      - {name: single, logicalType: number, physicalType: float, required: true, description: float}
      - {name: price, logicalType: number, physicalType: 'decimal(10,2)', required: true, description: money}
      - {name: flag, logicalType: boolean, required: true, description: a flag}
      - {name: day, logicalType: date, required: true, description: a date}
      - {name: at, logicalType: timestamp, required: true, description: an instant}
      - {name: atMicros, logicalType: timestamp, physicalType: timestamp-micros, required: true, description: micros}
      - {name: clock, logicalType: time, required: true, description: a time of day}
      - {name: note, logicalType: string, required: false, description: optional text}
      - name: tags
        logicalType: array
        required: true
        description: labels
        items: {logicalType: string}
      - name: lines
        logicalType: array
        required: false
        description: order lines
        items:
          logicalType: object
          properties:
            - {name: sku, logicalType: string, required: true, description: product}
            - {name: qty, logicalType: integer, physicalType: int, required: true, description: units}
      - name: address
        logicalType: object
        required: true
        description: where
        properties:
          - {name: city, logicalType: string, required: true, description: city}
          - {name: zip, logicalType: string, required: false, description: postal code}
      - name: colour
        logicalType: string
        physicalType: enum
        required: true
        description: a colour
        quality:
          - metric: invalidValues
            arguments: {validValues: [RED, GREEN]}
            mustBe: 0
      """;

  private static DataContract allTypes() {
    ObjectNode doc = minimal();
    ContractDocs.properties(doc).removeAll();
    ContractDocs.properties(doc)
        .addAll((com.fasterxml.jackson.databind.node.ArrayNode) ContractDocs.parse(ALL_TYPES));
    return ContractDocs.loadValid(doc);
  }

  private static Schema field(Schema record, String name) {
    return record.getField(name).schema();
  }

  @Test
  void recordNameAndNamespaceComeFromTheProductId() {
    Schema schema = TestContracts.example("catalog.inventory-level").valueSchema();

    assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(schema.getFullName()).isEqualTo("catalog.InventoryLevel");
    assertThat(AvroSchemaFactory.recordName(new ProductId("orders", "order-placed")))
        .isEqualTo("OrderPlaced");
    assertThat(AvroSchemaFactory.namespace(new ProductId("customer-care", "ticket")))
        .isEqualTo("customer_care");
  }

  @Test
  void logicalTypesMapToAvroTypes() {
    Schema s = allTypes().valueSchema();

    assertThat(field(s, "text").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(field(s, "uuidText").getLogicalType()).isEqualTo(LogicalTypes.uuid());
    assertThat(field(s, "count").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(field(s, "smallCount").getType()).isEqualTo(Schema.Type.INT);
    assertThat(field(s, "i16Count").getType()).isEqualTo(Schema.Type.INT);
    assertThat(field(s, "ratio").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(field(s, "single").getType()).isEqualTo(Schema.Type.FLOAT);
    assertThat(field(s, "price").getType()).isEqualTo(Schema.Type.BYTES);
    assertThat(field(s, "price").getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
    assertThat(field(s, "flag").getType()).isEqualTo(Schema.Type.BOOLEAN);
    assertThat(field(s, "day").getLogicalType()).isEqualTo(LogicalTypes.date());
    assertThat(field(s, "at").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(field(s, "at").getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
    assertThat(field(s, "atMicros").getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
    assertThat(field(s, "clock").getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
    assertThat(field(s, "tags").getElementType().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(field(s, "colour").getType()).isEqualTo(Schema.Type.ENUM);
    assertThat(field(s, "colour").getEnumSymbols()).containsExactly("RED", "GREEN");
  }

  @Test
  void optionalPropertiesAreNullableWithDefaultNullAndRequiredOnesAreNot() {
    Schema s = allTypes().valueSchema();

    Schema.Field note = s.getField("note");
    assertThat(note.schema().getType()).isEqualTo(Schema.Type.UNION);
    assertThat(note.schema().getTypes())
        .extracting(Schema::getType)
        .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
    assertThat(note.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    assertThat(s.getField("text").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(s.getField("text").hasDefaultValue()).isFalse();
  }

  @Test
  void objectsBecomeNestedRecordsAndArraysOfObjectsArraysOfRecords() {
    Schema s = allTypes().valueSchema();

    Schema address = field(s, "address");
    assertThat(address.getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(address.getFullName()).isEqualTo("testing.sample_event.Address");
    assertThat(field(address, "zip").getType()).isEqualTo(Schema.Type.UNION);
    Schema lines = field(s, "lines").getTypes().get(1);
    assertThat(lines.getType()).isEqualTo(Schema.Type.ARRAY);
    assertThat(lines.getElementType().getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(field(lines.getElementType(), "qty").getType()).isEqualTo(Schema.Type.INT);
  }

  @Test
  void descriptionsBecomeDocs() {
    Schema s = TestContracts.example("orders.order-placed").valueSchema();

    assertThat(s.getDoc()).startsWith("One event for every order");
    assertThat(s.getField("customerEmail").doc()).startsWith("E-mail address of the customer");
  }

  @Test
  void everyDerivedSchemaRoundTripsThroughAvrosParser() {
    List<Schema> schemas =
        new java.util.ArrayList<>(
            TestContracts.EXAMPLES.stream()
                .map(id -> TestContracts.example(id).valueSchema())
                .toList());
    schemas.add(allTypes().valueSchema());

    for (Schema schema : schemas) {
      Schema reparsed = new Schema.Parser().parse(schema.toString());
      assertThat(reparsed).isEqualTo(schema);
      assertThat(reparsed.toString()).isEqualTo(schema.toString());
    }
  }

  @Test
  void enumSymbolsMustBeAvroNames() {
    ObjectNode doc = minimal();
    addProperty(
        doc,
        """
        name: warehouse
        logicalType: string
        physicalType: enum
        required: true
        description: warehouse code
        quality: [{metric: invalidValues, arguments: {validValues: [AMS-1, BER-1]}, mustBe: 0}]
        """);

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.FIELD_TYPE_INVALID, "/schema/0/properties/1"));
  }

  @Test
  void aMatchingExplicitSchemaIsUsedAsIs() {
    String explicit =
        """
        {"type":"record","name":"Sample","namespace":"com.acme","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":["null","double"],"default":null}]}
        """;
    ObjectNode doc = minimal();
    addProperty(doc, "{name: amount, logicalType: number, description: an amount}");
    addCustomProperty(doc, "avroSchema", TextNode.valueOf(explicit));

    DataContract contract = ContractDocs.loadValid(doc);

    assertThat(contract.valueSchema()).isEqualTo(new Schema.Parser().parse(explicit));
    assertThat(contract.kafka().explicitAvroSchema()).isTrue();
  }

  @Test
  void anExplicitSchemaAsAnObjectIsAccepted() {
    ObjectNode doc = minimal();
    addCustomProperty(
        doc,
        "avroSchema",
        ContractDocs.parse("{type: record, name: Sample, fields: [{name: id, type: string}]}"));

    assertThat(ContractDocs.loadValid(doc).valueSchema().getName()).isEqualTo("Sample");
  }

  @Test
  void everyMismatchOfAnExplicitSchemaIsListed() {
    String explicit =
        """
        {"type":"record","name":"Sample","fields":[
          {"name":"id","type":["null","string"],"default":null},
          {"name":"amount","type":"string"},
          {"name":"count","type":"long"},
          {"name":"extra","type":"int"}]}
        """;
    ObjectNode doc = minimal();
    addProperty(doc, "{name: amount, logicalType: number, required: true, description: amount}");
    addProperty(doc, "{name: count, logicalType: integer, required: false, description: count}");
    addProperty(doc, "{name: missing, logicalType: string, description: not in the schema}");
    addCustomProperty(doc, "avroSchema", TextNode.valueOf(explicit));

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.AVRO_NULLABILITY_MISMATCH, "/schema/0/properties/0"),
            tuple(ContractErrorCode.AVRO_TYPE_MISMATCH, "/schema/0/properties/1"),
            tuple(ContractErrorCode.AVRO_NULLABILITY_MISMATCH, "/schema/0/properties/2"),
            tuple(ContractErrorCode.AVRO_FIELD_MISSING, "/schema/0/properties/3"),
            tuple(ContractErrorCode.AVRO_FIELD_UNDECLARED, "/customProperties/0/value"));
  }

  @Test
  void anUnparseableOrNonRecordExplicitSchemaIsOneViolation() {
    for (String explicit :
        new String[] {"{\"type\":\"record\"", "\"string\"", "{\"type\":\"nope\"}"}) {
      ObjectNode doc = minimal();
      addCustomProperty(doc, "avroSchema", TextNode.valueOf(explicit));

      assertThat(load(doc).violations())
          .as(explicit)
          .extracting(ContractViolation::code, ContractViolation::pointer)
          .containsExactly(
              tuple(ContractErrorCode.AVRO_SCHEMA_INVALID, "/customProperties/0/value"));
    }
  }
}
