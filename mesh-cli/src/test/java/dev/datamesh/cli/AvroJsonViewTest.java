package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class AvroJsonViewTest {
  private final Schema decimal =
      LogicalTypes.decimal(12, 2).addToSchema(Schema.create(Schema.Type.BYTES));
  private final Schema timestamp =
      LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  private final Schema schema =
      SchemaBuilder.record("Order")
          .fields()
          .name("total")
          .type(decimal)
          .noDefault()
          .name("placedAt")
          .type(timestamp)
          .noDefault()
          .optionalString("coupon")
          .name("tags")
          .type()
          .array()
          .items()
          .stringType()
          .noDefault()
          .endRecord();

  @Test
  void logicalTypesReadAsTheirValuesAndUnionsAreUnwrapped() {
    GenericData.Record record = new GenericData.Record(schema);
    ByteBuffer total =
        new Conversions.DecimalConversion()
            .toBytes(new BigDecimal("42.50"), decimal, decimal.getLogicalType());
    record.put("total", total);
    record.put("placedAt", 1_795_281_957_196L);
    record.put("coupon", "WELCOME");
    record.put("tags", java.util.List.of("a", "b"));

    assertThat(AvroJsonView.of(record, schema).toString())
        .isEqualTo(
            "{\"total\":42.50,\"placedAt\":\"2026-11-21T17:25:57.196Z\",\"coupon\":\"WELCOME\","
                + "\"tags\":[\"a\",\"b\"]}");
  }
}
