package dev.datamesh.quality.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.DataContract;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The per-record inspection against the bundled example contracts. */
class RecordInspectorTest {
  private static final DataContract ORDERS = TestContracts.example("orders.order-placed");
  private static final DataContract PAYMENTS = TestContracts.example("payments.transaction");

  @Test
  void nullFieldsAggregateRuleViolationsUniqueKeyAndEventTimeFieldOfTheExampleOrder() {
    GenericRecord order = new GenericData.Record(ORDERS.valueSchema());
    order.put("orderId", "ORD-00000001");
    order.put("couponCode", null);
    order.put("shippingAddress", null); // its nested fields are null too
    Instant placed = Instant.parse("2025-03-01T10:15:30Z");
    order.put("placedAt", placed.toEpochMilli());

    Observation observation = RecordInspector.forContract(ORDERS).inspect(order, 42, 43);

    assertThat(observation.nullFields())
        .contains("/couponCode", "/shippingAddress", "/shippingAddress/city")
        .doesNotContain("/orderId", "/placedAt");
    assertThat(observation.violations()).contains("couponCode.nullValues");
    assertThat(observation.keys()).containsEntry(RecordInspector.UNIQUE_KEY, "ORD-00000001");
    assertThat(observation.eventTime()).isEqualTo(placed.toEpochMilli()); // eventTimeField
    assertThat(observation.certifiedAt()).isEqualTo(43);
    assertThat(observation.contractVersion()).isEqualTo("1.0.0");
  }

  @Test
  void invalidValuesRuleCountsValuesOutsideTheValidOnes() {
    GenericRecord payment = new GenericData.Record(PAYMENTS.valueSchema());
    Schema status = PAYMENTS.valueSchema().getField("status").schema();
    assertThat(status.getType()).isEqualTo(Schema.Type.STRING);
    payment.put("status", "DECLINED");
    payment.put("transactionId", "0b7a1f4e-8c3d-4a36-9a63-3f0c2b8d9e11");

    Observation observation = RecordInspector.forContract(PAYMENTS).inspect(payment, 1, -1);

    assertThat(observation.violations()).containsExactly("declineRate");
    assertThat(observation.keys().values()).contains("0b7a1f4e-8c3d-4a36-9a63-3f0c2b8d9e11");
    assertThat(observation.eventTime()).isEqualTo(1); // processedAt is null: record timestamp
  }
}
