package dev.datamesh.contracts.rules;

import static dev.datamesh.contracts.rules.OrderRecords.ORDERS;
import static dev.datamesh.contracts.rules.OrderRecords.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.ContractDocs;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.TestContracts;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private final RecordValidator validator = RecordValidator.forContract(ORDERS);

  private List<ContractViolation> validateWith(String field, Object value) {
    GenericData.Record record = valid();
    record.put(field, value);
    return validator.validate(record);
  }

  private static GenericData.Record address(GenericData.Record order) {
    return (GenericData.Record) order.get("shippingAddress");
  }

  @Test
  void aValidRecordHasNoViolations() {
    assertThat(validator.validate(valid())).isEmpty();
  }

  @Test
  void aMissingRequiredFieldIsReported() {
    assertThat(validateWith("customerId", null))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_REQUIRED_MISSING, "/customerId"));
  }

  @Test
  void anOptionalFieldMayBeNull() {
    assertThat(validateWith("couponCode", null)).isEmpty();
  }

  @Test
  void aValueOutsideTheValidValuesIsReported() {
    List<ContractViolation> violations = validateWith("currency", "XXX");

    assertThat(violations)
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_VALUE_NOT_ALLOWED, "/currency"));
    assertThat(violations.get(0).message()).contains("'XXX'").contains("EUR");
  }

  @Test
  void anEnumSymbolOutsideTheValidValuesIsReported() {
    Schema channel = OrderRecords.SCHEMA.getField("channel").schema();

    assertThat(validateWith("channel", new GenericData.EnumSymbol(channel, "FAX")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_VALUE_NOT_ALLOWED, "/channel"));
  }

  @Test
  void aStringThatDoesNotMatchThePatternIsReported() {
    assertThat(validateWith("orderId", new Utf8("12345")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/orderId"));
    assertThat(validateWith("orderId", new Utf8("ORD-00000001"))).isEmpty();
  }

  @Test
  void valuesOfPiiFieldsNeverAppearInMessages() {
    List<ContractViolation> violations = validateWith("customerEmail", "secret-without-at-sign");

    assertThat(violations)
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/customerEmail"));
    assertThat(violations.get(0).message()).doesNotContain("secret");
  }

  @Test
  void integersOutsideTheRangeAreReported() {
    assertThat(validateWith("itemCount", 0))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_OUT_OF_RANGE, "/itemCount"));
    assertThat(validateWith("itemCount", 501))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.RECORD_OUT_OF_RANGE);
    assertThat(validateWith("itemCount", 1)).isEmpty();
    assertThat(validateWith("itemCount", 500)).isEmpty();
  }

  @Test
  void decimalsOutsideTheRangeAreReportedInBytesAndConvertedForm() {
    assertThat(validateWith("orderTotal", OrderRecords.decimal("-0.01")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_OUT_OF_RANGE, "/orderTotal"));
    assertThat(validateWith("orderTotal", new BigDecimal("100000.01")))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.RECORD_OUT_OF_RANGE);
    assertThat(validateWith("orderTotal", OrderRecords.decimal("100000.01")))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.RECORD_OUT_OF_RANGE);
    assertThat(validateWith("orderTotal", OrderRecords.decimal("-12345.67")))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.RECORD_OUT_OF_RANGE);
    assertThat(validateWith("orderTotal", OrderRecords.decimal("0.00"))).isEmpty();
    assertThat(validateWith("orderTotal", OrderRecords.decimal("100000.00"))).isEmpty();
    assertThat(validateWith("orderTotal", new BigDecimal("99999.99"))).isEmpty();
  }

  @Test
  void anExclusiveMinimumExcludesTheBound() {
    DataContract payments = TestContracts.example("payments.transaction");
    Schema schema = payments.valueSchema();
    RecordValidator payValidator = RecordValidator.forContract(payments);
    GenericRecordBuilder builder =
        new GenericRecordBuilder(schema)
            .set("transactionId", "0b7a1f4e-8c3d-4a36-9a63-3f0c2b8d9e11")
            .set("orderId", "ORD-00012345")
            .set("currency", "EUR")
            .set("method", new GenericData.EnumSymbol(schema.getField("method").schema(), "CARD"))
            .set("status", "CAPTURED")
            .set("cardLast4", "4242")
            .set("processedAt", 1L);

    assertThat(payValidator.validate(builder.set("amount", new BigDecimal("0.00")).build()))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_OUT_OF_RANGE, "/amount"));
    assertThat(payValidator.validate(builder.set("amount", new BigDecimal("0.01")).build()))
        .isEmpty();
  }

  @Test
  void stringsOutsideTheLengthBoundsAreReported() {
    assertThat(validateWith("customerId", "ab"))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_LENGTH_OUT_OF_RANGE, "/customerId"));
    assertThat(validateWith("customerId", "c".repeat(65)))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.RECORD_LENGTH_OUT_OF_RANGE);
    // length counts code points, not UTF-16 units: three emoji are three characters
    assertThat(validateWith("customerId", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")).isEmpty();
  }

  @Test
  void rulesOfNestedFieldsPointIntoTheNestedRecord() {
    GenericData.Record order = valid();
    address(order).put("country", "nl");
    address(order).put("postalCode", "1234567890123");
    address(order).put("city", null);

    assertThat(validator.validate(order))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.RECORD_REQUIRED_MISSING, "/shippingAddress/city"),
            tuple(ContractErrorCode.RECORD_LENGTH_OUT_OF_RANGE, "/shippingAddress/postalCode"),
            tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/shippingAddress/country"));
  }

  @Test
  void missingValueMarkersAreReported() {
    ObjectNode doc = ContractDocs.minimal();
    ContractDocs.addProperty(
        doc,
        """
        name: region
        logicalType: string
        required: true
        description: sales region
        quality: [{metric: missingValues, arguments: {missingValues: ['', 'n/a']}, mustBe: 0}]
        """);
    DataContract contract = ContractDocs.loadValid(doc);
    RecordValidator regionValidator = RecordValidator.forContract(contract);
    GenericRecord record =
        new GenericRecordBuilder(contract.valueSchema())
            .set("id", "1")
            .set("region", "n/a")
            .build();

    assertThat(regionValidator.validate(record))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.RECORD_VALUE_MISSING, "/region"));
  }

  @Test
  void everyBrokenRuleIsReported() {
    GenericData.Record order = valid();
    order.put("orderId", "bad");
    order.put("currency", "XXX");
    order.put("itemCount", 0);
    order.put("customerEmail", null);

    assertThat(validator.validate(order))
        .extracting(ContractViolation::pointer)
        .containsExactly("/orderId", "/customerEmail", "/currency", "/itemCount");
  }

  @Test
  void aRecordOfAnotherSchemaIsReadByFieldName() {
    Schema older = itemCountThenOrderId();
    GenericRecord record =
        new GenericRecordBuilder(older).set("itemCount", 0).set("orderId", "ORD-00000001").build();

    assertThat(validator.validate(record))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .contains(
            tuple(ContractErrorCode.RECORD_OUT_OF_RANGE, "/itemCount"),
            tuple(ContractErrorCode.RECORD_REQUIRED_MISSING, "/customerId"))
        .doesNotContain(tuple(ContractErrorCode.RECORD_PATTERN_MISMATCH, "/orderId"));
  }

  @Test
  void recordsAlternatingBetweenSchemasAreEachReadByTheirOwnFieldPositions() {
    // the same fields in another order: position-based reads of the contract's order would
    // check itemCount's rule against orderId and fail the wrong field
    Schema reordered = itemCountThenOrderId();
    List<String> pointers =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(
                i ->
                    i % 2 == 0
                        ? validator.validate(valid())
                        : validator.validate(
                            new GenericRecordBuilder(reordered)
                                .set("itemCount", 0)
                                .set("orderId", "ORD-00000001")
                                .build()))
            .flatMap(v -> v.stream().map(ContractViolation::pointer))
            .toList();

    assertThat(pointers).doesNotContain("/orderId").contains("/itemCount");
    assertThat(pointers.stream().filter("/itemCount"::equals)).hasSize(1_000);
  }

  @Test
  void oneValidatorServesManyThreads() {
    List<Integer> counts =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(
                i -> {
                  GenericData.Record order = valid();
                  if (i % 2 == 0) {
                    order.put("currency", "XXX");
                  }
                  return validator.validate(order).size();
                })
            .toList();

    assertThat(counts.stream().filter(c -> c == 1)).hasSize(1_000);
    assertThat(counts.stream().filter(c -> c == 0)).hasSize(1_000);
  }

  /** An older writer schema of orders: two of the contract's fields, in another order. */
  private static Schema itemCountThenOrderId() {
    return SchemaBuilder.record("OrderPlaced")
        .namespace("orders")
        .fields()
        .requiredInt("itemCount")
        .requiredString("orderId")
        .endRecord();
  }
}
