package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroWireTest {
  private final Schema schema =
      SchemaBuilder.record("Order").fields().requiredString("id").requiredLong("n").endRecord();

  @Test
  void encodesTheConfluentPrefixThenTheAvroBinaryOfTheRecord() throws IOException {
    GenericRecord order = new GenericData.Record(schema);
    order.put("id", "ab");
    order.put("n", 2L);

    byte[] framed = AvroWire.encode(258, order);

    // 0x00, id 258 big-endian, "ab" as zigzag length 2 (0x04) + bytes, 2 as zigzag 0x04
    assertThat(framed).containsExactly(0, 0, 0, 1, 2, 4, 'a', 'b', 4);
    GenericRecord back =
        new GenericDatumReader<GenericRecord>(schema)
            .read(null, DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null));
    assertThat(back).isEqualTo(order);
  }
}
