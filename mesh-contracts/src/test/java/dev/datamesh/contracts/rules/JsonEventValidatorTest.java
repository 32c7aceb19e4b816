package dev.datamesh.contracts.rules;

import static dev.datamesh.contracts.rules.OrderRecords.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.ContractDocs;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class JsonEventValidatorTest {

  private static final String VALID_ORDER =
      """
      {
        "orderId": "ORD-00012345",
        "customerId": "cust-81723",
        "customerEmail": "jane.doe@example.com",
        "orderTotal": 129.9,
        "currency": "EUR",
        "itemCount": 3,
        "channel": "MOBILE_APP",
        "shippingAddress": {"city": "Amsterdam", "postalCode": "1011 AB", "country": "NL"},
        "placedAt": "2025-03-01T10:15:30Z"
      }
      """;

  private final JsonEventValidator validator = JsonEventValidator.forContract(ORDERS);

  private static ObjectNode order() {
    return (ObjectNode) ContractDocs.parse(VALID_ORDER);
  }

  @Test
  void aValidEventBecomesARecordOfTheContractSchema() {
    JsonEventResult result = validator.validate(order());

    assertThat(result.violations()).isEmpty();
    GenericRecord record = result.record().orElseThrow();
    assertThat(record.getSchema()).isSameAs(ORDERS.valueSchema());
    assertThat(record.get("orderId")).isEqualTo("ORD-00012345");
    assertThat(record.get("itemCount")).isEqualTo(3);
    assertThat(record.get("couponCode")).isNull();
    assertThat(record.get("channel")).hasToString("MOBILE_APP");
    assertThat(record.get("placedAt"))
        .isEqualTo(Instant.parse("2025-03-01T10:15:30Z").toEpochMilli());
    BigDecimal total =
        new Conversions.DecimalConversion()
            .fromBytes(
                (ByteBuffer) record.get("orderTotal"),
                ORDERS.valueSchema().getField("orderTotal").schema(),
                LogicalTypes.decimal(12, 2));
    assertThat(total).isEqualByComparingTo("129.90");
    assertThat(((GenericRecord) record.get("shippingAddress")).get("country")).isEqualTo("NL");
  }

  @Test
  void theConvertedRecordSurvivesAnAvroBinaryRoundTrip() throws Exception {
    GenericRecord record = validator.validate(order()).record().orElseThrow();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(ORDERS.valueSchema()).write(record, encoder);
    encoder.flush();
    GenericRecord back =
        new GenericDatumReader<GenericRecord>(ORDERS.valueSchema())
            .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    assertThat(back.toString()).isEqualTo(record.toString());
    assertThat(RecordValidator.forContract(ORDERS).validate(back)).isEmpty();
  }

  @Test
  void everyViolationOfAnEventIsListed() {
    ObjectNode event = order();
    event.put("orderId", "nope");
    event.put("itemCount", "three");
    event.remove("customerId");
    event.put("currency", "XXX");
    event.put("channel", "FAX");
    event.put("orderTotal", 12.345);
    event.put("placedAt", "yesterday");
    event.put("discount", 5);
    ((ObjectNode) event.get("shippingAddress")).put("country", "nl");

    JsonEventResult result = validator.validate(event);

    assertThat(result.record()).isEmpty();
    assertThat(result.violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactlyInAnyOrder(
            tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/orderId"),
            tuple(ContractErrorCode.RECORD_TYPE_MISMATCH, "/itemCount"),
            tuple(ContractErrorCode.RECORD_REQUIRED_MISSING, "/customerId"),
            tuple(ContractErrorCode.RECORD_VALUE_NOT_ALLOWED, "/currency"),
            tuple(ContractErrorCode.RECORD_VALUE_NOT_ALLOWED, "/channel"),
            tuple(ContractErrorCode.RECORD_TYPE_MISMATCH, "/orderTotal"),
            tuple(ContractErrorCode.RECORD_TYPE_MISMATCH, "/placedAt"),
            tuple(ContractErrorCode.RECORD_UNKNOWN_FIELD, "/discount"),
            tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/shippingAddress/country"));
  }

  @Test
  void explicitNullForARequiredFieldIsMissing() {
    ObjectNode event = order();
    event.putNull("customerEmail");

    assertThat(validator.validate(event).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_REQUIRED_MISSING, "/customerEmail"));
  }

  @Test
  void anEventThatIsNotAnObjectIsOneViolation() {
    for (JsonNode event :
        new JsonNode[] {ContractDocs.parse("[1, 2]"), ContractDocs.parse("42"), null}) {
      assertThat(validator.validate(event).violations())
          .extracting(ContractViolation::code, ContractViolation::pointer)
          .containsExactly(tuple(ContractErrorCode.RECORD_TYPE_MISMATCH, ""));
    }
  }

  @Test
  void datesTimesArraysAndEpochNumbersConvert() {
    ObjectNode doc = ContractDocs.minimal();
    ContractDocs.addProperty(
        doc, "{name: day, logicalType: date, required: true, description: a day}");
    ContractDocs.addProperty(
        doc, "{name: clock, logicalType: time, required: true, description: a time}");
    ContractDocs.addProperty(
        doc, "{name: at, logicalType: timestamp, required: true, description: epoch}");
    ContractDocs.addProperty(
        doc,
        "{name: tags, logicalType: array, required: true, description: tags, items: {logicalType: string}}");
    ContractDocs.addProperty(
        doc, "{name: score, logicalType: number, required: false, description: a score}");
    DataContract contract = ContractDocs.loadValid(doc);
    JsonNode event =
        ContractDocs.parse(
            "{id: e1, day: '2025-03-01', clock: '10:15:30', at: 1700000000000, tags: [a, b], score: 7}");

    GenericRecord record =
        JsonEventValidator.forContract(contract).validate(event).record().orElseThrow();

    assertThat(record.get("day")).isEqualTo((int) LocalDate.parse("2025-03-01").toEpochDay());
    assertThat(record.get("clock")).isEqualTo((10 * 3600 + 15 * 60 + 30) * 1000);
    assertThat(record.get("at")).isEqualTo(1700000000000L);
    assertThat(record.get("tags"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("a", "b");
    assertThat(record.get("score")).isEqualTo(7.0);
  }

  @Test
  void arrayElementsOfTheWrongTypePointAtTheElement() {
    ObjectNode doc = ContractDocs.minimal();
    ContractDocs.addProperty(
        doc,
        "{name: tags, logicalType: array, required: true, description: tags, items: {logicalType: string}}");
    DataContract contract = ContractDocs.loadValid(doc);

    assertThat(
            JsonEventValidator.forContract(contract)
                .validate(ContractDocs.parse("{id: e1, tags: [a, 2]}"))
                .violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_TYPE_MISMATCH, "/tags/1"));
  }
}
