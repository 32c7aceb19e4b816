package dev.datamesh.bench;

import dev.datamesh.contracts.serde.AvroWire;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Valid benchmark records of about {@code targetBytes}, framed in the Confluent wire format. */
final class BenchRecords {
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};
  private final Schema schema;
  private final int schemaId;
  private final String padding;

  BenchRecords(Schema schema, int schemaId, int targetBytes) {
    this.schema = schema;
    this.schemaId = schemaId;
    int base = encode(0, "").length;
    this.padding = "x".repeat(Math.max(0, targetBytes - base));
  }

  String key(int i) {
    return String.format("ORD-%08d", i % 100_000_000);
  }

  byte[] value(int i) {
    return encode(i, padding);
  }

  private byte[] encode(int i, String note) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("orderId", key(i));
    r.put("customerId", "cust-" + (i % 10_000));
    r.put("customerEmail", "customer" + (i % 10_000) + "@shop.example");
    r.put("street", "1 Main Street");
    r.put("city", "Lyon");
    r.put("country", "FR");
    r.put("currency", CURRENCIES[i % CURRENCIES.length]);
    r.put("note", note);
    r.put("placedAt", 1_700_000_000_000L + i); // timestamp-millis as the generic long
    r.put("sequence", (long) i);
    r.put("amount", 10.0 + i % 1000);
    r.put("quantity", 1 + i % 10);
    r.put("score", (float) (i % 100) / 10f);
    r.put("express", i % 2 == 0);
    r.put("coupon", i % 3 == 0 ? "SAVE10" : null);
    return AvroWire.encode(schemaId, r);
  }
}
