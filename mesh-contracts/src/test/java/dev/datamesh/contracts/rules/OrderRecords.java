package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.TestContracts;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecordBuilder;

/** Valid records of the orders.order-placed example, in Avro's generic representation. */
final class OrderRecords {

  static final DataContract ORDERS = TestContracts.example("orders.order-placed");
  static final Schema SCHEMA = ORDERS.valueSchema();

  private OrderRecords() {}

  static GenericData.Record valid() {
    Schema address = SCHEMA.getField("shippingAddress").schema();
    return new GenericRecordBuilder(SCHEMA)
        .set("orderId", "ORD-00012345")
        .set("customerId", "cust-81723")
        .set("customerEmail", "jane.doe@example.com")
        .set("orderTotal", decimal("129.90"))
        .set("currency", "EUR")
        .set("itemCount", 3)
        .set("channel", new GenericData.EnumSymbol(SCHEMA.getField("channel").schema(), "WEB"))
        .set("couponCode", null)
        .set(
            "shippingAddress",
            new GenericRecordBuilder(address)
                .set("city", "Amsterdam")
                .set("postalCode", "1011 AB")
                .set("country", "NL")
                .build())
        .set("placedAt", Instant.parse("2025-03-01T10:15:30Z").toEpochMilli())
        .build();
  }

  static java.nio.ByteBuffer decimal(String value) {
    Schema schema = SCHEMA.getField("orderTotal").schema();
    return new Conversions.DecimalConversion()
        .toBytes(new BigDecimal(value), schema, LogicalTypes.decimal(12, 2));
  }
}
