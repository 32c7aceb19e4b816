package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {
  static final Schema TINY =
      new Schema.Parser()
          .parse(
              """
              {"type":"record","name":"Tiny","namespace":"t","fields":[
                {"name":"id","type":"long"},
                {"name":"name","type":"string"},
                {"name":"score","type":["null","int"]}]}
              """);

  private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(258);
  private final SchemaRegistryClient client =
      SchemaRegistryClient.create(SchemaRegistryClientConfig.of(registry.url()));

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void recordIsFramedByteForByteAsTheConfluentWireFormatSpecifies() {
    AvroSerializer<GenericRecord> serializer = serializer(autoRegister(), false);

    byte[] bytes = serializer.serialize("orders", tiny(300, "ab", -3));

    // Expected bytes computed by hand from the Avro spec (zig-zag varints), not by Avro:
    byte[] expected = {
      0x00, // magic byte
      0x00,
      0x00,
      0x01,
      0x02, // schema id 258, big-endian int32
      (byte) 0xD8,
      0x04, // long 300 -> zig-zag 600 -> varint 0xD8 0x04
      0x04,
      'a',
      'b', // string: length 2 -> zig-zag 4, then UTF-8 bytes
      0x02,
      0x05 // union branch 1 (int) -> zig-zag 2; int -3 -> zig-zag 5
    };
    assertThat(bytes).containsExactly(expected);
  }

  @Test
  void nullUnionBranchIsOneZeroByte() {
    AvroSerializer<GenericRecord> serializer = serializer(autoRegister(), false);

    byte[] bytes = serializer.serialize("orders", tiny(-1, "", null));

    assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02, 0x01, 0x00, 0x00);
  }

  @Test
  void specificRecordIsFramedLikeTheEqualGenericRecord() {
    registry.register("orders-value", TestOrder.SCHEMA$);
    AvroSerializer<Object> serializer = serializer(AvroSerdeConfig.defaults(), false);
    GenericRecord generic = new GenericData.Record(TestOrder.SCHEMA$);
    generic.put("id", 7L);
    generic.put("customer", "c-1");
    generic.put("amount", 12);

    byte[] specificBytes = serializer.serialize("orders", new TestOrder(7, "c-1", 12));
    byte[] genericBytes = serializer.serialize("orders", generic);

    assertThat(specificBytes).containsExactly(genericBytes);
  }

  @Test
  void byDefaultTheSchemaIsLookedUpAndNeverRegistered() {
    int id = registry.register("orders-value", TINY);
    AvroSerializer<GenericRecord> serializer = serializer(AvroSerdeConfig.defaults(), false);

    byte[] bytes = serializer.serialize("orders", tiny(1, "x", null));
    serializer.serialize("orders", tiny(2, "y", null));

    assertThat(((UnframeResult.Framed) WireFormat.unframe(bytes)).schemaId()).isEqualTo(id);
    assertThat(registry.count("POST", "/subjects/orders-value/versions")).isZero();
    assertThat(registry.count("POST", "/subjects/orders-value")).isEqualTo(1);
  }

  @Test
  void anUnregisteredSchemaFailsWhenAutoRegistrationIsOff() {
    registry.register("orders-value", TestOrder.SCHEMA$);
    AvroSerializer<GenericRecord> serializer = serializer(AvroSerdeConfig.defaults(), false);

    assertThatThrownBy(() -> serializer.serialize("orders", tiny(1, "x", null)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("orders-value")
        .hasMessageContaining("auto.register.schemas is false");
    assertThat(registry.count("POST", "/subjects/orders-value/versions")).isZero();
  }

  @Test
  void keysUseTheKeySubject() {
    AvroSerializer<GenericRecord> serializer = serializer(autoRegister(), true);

    serializer.serialize("orders", tiny(1, "x", null));

    assertThat(registry.count("POST", "/subjects/orders-key/versions")).isEqualTo(1);
    assertThat(registry.count("POST", "/subjects/orders-value")).isZero();
  }

  @Test
  void nullIsNeverFramedAndNeedsNoRegistry() {
    AvroSerializer<GenericRecord> serializer = serializer(autoRegister(), false);

    assertThat(serializer.serialize("orders", null)).isNull();
    assertThat(registry.requests()).isEmpty();
  }

  @Test
  void stringKeyIsWrittenWithTheAvroStringSchema() {
    AvroSerializer<Object> serializer = serializer(autoRegister(), true);

    byte[] bytes = serializer.serialize("orders", "ab");

    assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02, 0x04, 'a', 'b');
  }

  @Test
  void byteArraysAreWrittenRawAfterThePrefix() {
    AvroSerializer<Object> serializer = serializer(autoRegister(), false);

    byte[] bytes = serializer.serialize("blobs", new byte[] {9, 8, 7});

    assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02, 9, 8, 7);
  }

  @Test
  void unsupportedTypesAreRejected() {
    AvroSerializer<Object> serializer = serializer(autoRegister(), false);

    assertThatThrownBy(() -> serializer.serialize("orders", new java.util.Date()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.util.Date");
  }

  @Test
  void useLatestVersionWritesTheLatestIdWhenTheSchemaEncodesTheSame() {
    Schema documented =
        new Schema.Parser()
            .parse(TINY.toString().replace("\"name\":\"Tiny\"", "\"name\":\"Tiny\",\"doc\":\"d\""));
    registry.register("orders-value", TestOrder.SCHEMA$);
    int latestId = registry.register("orders-value", documented);
    AvroSerializer<GenericRecord> serializer =
        serializer(new AvroSerdeConfig(false, true, false, java.util.List.of()), false);

    byte[] bytes = serializer.serialize("orders", tiny(1, "x", null));

    assertThat(((UnframeResult.Framed) WireFormat.unframe(bytes)).schemaId()).isEqualTo(latestId);
  }

  @Test
  void useLatestVersionRefusesARecordThatWouldEncodeDifferently() {
    registry.register("orders-value", TestOrder.SCHEMA$);
    AvroSerializer<GenericRecord> serializer =
        serializer(new AvroSerdeConfig(false, true, false, java.util.List.of()), false);

    assertThatThrownBy(() -> serializer.serialize("orders", tiny(1, "x", null)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("latest version 1");
  }

  @Test
  void configuredByClassNameItBuildsItsOwnClient() {
    registry.register("orders-value", TINY);
    Map<String, Object> configs = new HashMap<>();
    configs.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url());
    try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>()) {
      serializer.configure(configs, false);

      byte[] bytes = serializer.serialize("orders", tiny(1, "x", null));

      assertThat(bytes[0]).isZero();
    }
  }

  @Test
  void serializingBeforeConfigureIsABug() {
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client);

    assertThatThrownBy(() -> serializer.serialize("orders", tiny(1, "x", null)))
        .isInstanceOf(IllegalStateException.class);
  }

  static GenericRecord tiny(long id, String name, Integer score) {
    GenericRecord record = new GenericData.Record(TINY);
    record.put("id", id);
    record.put("name", name);
    record.put("score", score);
    return record;
  }

  private static AvroSerdeConfig autoRegister() {
    return AvroSerdeConfig.from(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true"));
  }

  private <T> AvroSerializer<T> serializer(AvroSerdeConfig config, boolean isKey) {
    return new AvroSerializer<>(client, config, isKey);
  }
}
