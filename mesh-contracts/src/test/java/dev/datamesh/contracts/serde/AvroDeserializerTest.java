package dev.datamesh.contracts.serde;

import static dev.datamesh.contracts.serde.AvroSerializerTest.TINY;
import static dev.datamesh.contracts.serde.AvroSerializerTest.tiny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {
  private static final AvroSerdeConfig GENERIC = AvroSerdeConfig.defaults();
  private static final AvroSerdeConfig SPECIFIC =
      AvroSerdeConfig.from(
          Map.of(
              AvroSerdeConfig.SPECIFIC_AVRO_READER, "true",
              AvroSerdeConfig.SPECIFIC_AVRO_TRUSTED_PACKAGES, "dev.datamesh.contracts.serde"));

  private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();
  private final SchemaRegistryClient client =
      SchemaRegistryClient.create(SchemaRegistryClientConfig.of(registry.url()));
  private final AvroSerializer<Object> serializer =
      new AvroSerializer<>(client, AvroSerdeConfig.defaults(), false);

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void genericRecordRoundTrips() {
    registry.register("orders-value", TINY);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    GenericRecord read =
        deserializer.deserialize("orders", serializer.serialize("orders", tiny(300, "ab", -3)));

    assertThat(read).isEqualTo(tiny(300, "ab", -3));
    assertThat(read.get("name").toString()).isEqualTo("ab");
  }

  @Test
  void specificRecordRoundTripsIntoItsGeneratedClass() {
    registry.register("orders-value", TestOrder.SCHEMA$);
    AvroDeserializer<TestOrder> deserializer = new AvroDeserializer<>(client, SPECIFIC, false);

    TestOrder read =
        deserializer.deserialize(
            "orders", serializer.serialize("orders", new TestOrder(7, "c-1", null)));

    assertThat(read).isInstanceOf(TestOrder.class);
    assertThat(read.getId()).isEqualTo(7);
    assertThat(read.getCustomer()).isEqualTo("c-1");
    assertThat(read.getAmount()).isNull();
  }

  @Test
  void specificReaderWithoutAMatchingClassFailsClearly() {
    registry.register("orders-value", TINY);
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client, SPECIFIC, false);
    byte[] bytes = serializer.serialize("orders", tiny(1, "x", null));

    assertThatThrownBy(() -> deserializer.deserialize("orders", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("no generated class t.Tiny");
  }

  @Test
  void specificReaderReadsPrimitiveKeysAsJavaValues() {
    AvroSerializer<Object> keys =
        new AvroSerializer<>(
            client,
            AvroSerdeConfig.from(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)),
            true);
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client, SPECIFIC, true);

    assertThat(deserializer.deserialize("orders", keys.serialize("orders", "order-1")))
        .isEqualTo("order-1");
    assertThat(deserializer.deserialize("orders", keys.serialize("orders", 42L))).isEqualTo(42L);
  }

  @Test
  void writerSchemaIsFetchedOncePerId() {
    registry.register("orders-value", TINY);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);
    AvroDeserializer<GenericRecord> other = new AvroDeserializer<>(client, GENERIC, false);

    for (int i = 0; i < 5; i++) {
      deserializer.deserialize("orders", serializer.serialize("orders", tiny(i, "n", i)));
      other.deserialize("orders", serializer.serialize("orders", tiny(i, "n", i)));
    }

    // the lookup already taught the client id -> schema, so no GET at all is needed
    assertThat(registry.count("GET", "/schemas/ids/")).isZero();
    AvroDeserializer<GenericRecord> fresh = new AvroDeserializer<>(freshClient(), GENERIC, false);
    fresh.deserialize("orders", serializer.serialize("orders", tiny(1, "n", 1)));
    fresh.deserialize("orders", serializer.serialize("orders", tiny(2, "n", 2)));
    assertThat(registry.count("GET", "/schemas/ids/")).isEqualTo(1);
  }

  @Test
  void badMagicByteThrowsSerializationExceptionNamingTheCode() {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    assertThatThrownBy(() -> deserializer.deserialize("orders", "{\"id\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("BAD_MAGIC_BYTE")
        .hasMessageContaining("orders");
    assertThat(registry.requests()).isEmpty();
  }

  @Test
  void unknownSchemaIdThrowsSerializationException() {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    assertThatThrownBy(
            () -> deserializer.deserialize("orders", WireFormat.frame(4711, new byte[] {2})))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema id 4711")
        .hasCauseInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void payloadThatDoesNotDecodeThrowsSerializationException() {
    int id = registry.register("orders-value", TINY);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    // long 1, then a string claiming 50 bytes that are not there
    assertThatThrownBy(
            () -> deserializer.deserialize("orders", WireFormat.frame(id, new byte[] {2, 100})))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("does not decode");
  }

  @Test
  void nullStaysNull() {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    assertThat(deserializer.deserialize("orders", null)).isNull();
    assertThat(deserializer.deserialize("orders", new RecordHeaders(), (ByteBuffer) null)).isNull();
  }

  @Test
  void useLatestVersionReadsOldDataIntoTheLatestSchema() {
    registry.register("orders-value", TINY);
    byte[] old = serializer.serialize("orders", tiny(1, "x", 5));
    Schema v2 =
        SchemaBuilder.record("Tiny")
            .namespace("t")
            .fields()
            .requiredLong("id")
            .requiredString("name")
            .name("score")
            .type()
            .optional()
            .intType()
            .name("currency")
            .type()
            .stringType()
            .stringDefault("EUR")
            .endRecord();
    registry.register("orders-value", v2);
    AvroDeserializer<GenericRecord> deserializer =
        new AvroDeserializer<>(client, new AvroSerdeConfig(false, true, false, List.of()), false);

    GenericRecord read = deserializer.deserialize("orders", old);

    assertThat(read.getSchema()).isEqualTo(v2);
    assertThat(read.get("currency").toString()).isEqualTo("EUR");
    assertThat(read.get("score")).isEqualTo(5);
  }

  @Test
  void schemaGuidInTheValueHeaderIsResolvedByGuid() {
    int id = registry.register("orders-value", TINY);
    UUID guid = registry.guidOf(id);
    byte[] framed = serializer.serialize("orders", tiny(9, "g", null));
    byte[] bare = java.util.Arrays.copyOfRange(framed, WireFormat.PREFIX_LENGTH, framed.length);
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        WireFormat.VALUE_SCHEMA_ID_HEADER,
        ByteBuffer.allocate(17)
            .put((byte) 1)
            .putLong(guid.getMostSignificantBits())
            .putLong(guid.getLeastSignificantBits())
            .array());
    AvroDeserializer<GenericRecord> deserializer =
        new AvroDeserializer<>(freshClient(), GENERIC, false);

    GenericRecord read = deserializer.deserialize("orders", headers, bare);

    assertThat(read).isEqualTo(tiny(9, "g", null));
    assertThat(registry.count("GET", "/schemas/guids/" + guid)).isEqualTo(1);
  }

  @Test
  void heapByteBufferIsReadInPlace() {
    registry.register("orders-value", TINY);
    byte[] framed = serializer.serialize("orders", tiny(3, "bb", 1));
    byte[] padded = new byte[framed.length + 4];
    System.arraycopy(framed, 0, padded, 2, framed.length);
    ByteBuffer buffer = ByteBuffer.wrap(padded, 2, framed.length);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, GENERIC, false);

    assertThat(deserializer.deserialize("orders", new RecordHeaders(), buffer))
        .isEqualTo(tiny(3, "bb", 1));
  }

  @Test
  void primitiveStringAndBytesComeBackAsJavaValues() {
    AvroSerializer<Object> registering =
        new AvroSerializer<>(
            client,
            AvroSerdeConfig.from(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)),
            true);
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client, GENERIC, true);

    Object key = deserializer.deserialize("orders", registering.serialize("orders", "k-1"));
    Object blob =
        deserializer.deserialize("blobs", registering.serialize("blobs", new byte[] {4, 2}));

    assertThat(key).isEqualTo("k-1");
    assertThat((byte[]) blob).containsExactly(4, 2);
  }

  @Test
  void serdeSharesOneClientBetweenItsSerializerAndDeserializer() {
    try (AvroSerde<GenericRecord> serde = new AvroSerde<>()) {
      serde.configure(
          Map.of(
              SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
              registry.url(),
              AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
              "true"),
          false);

      byte[] bytes = serde.serializer().serialize("orders", tiny(1, "s", 2));
      GenericRecord read = serde.deserializer().deserialize("orders", bytes);

      assertThat(read).isEqualTo(tiny(1, "s", 2));
      assertThat(registry.count("GET", "/schemas/ids/")).isZero();
    }
  }

  private SchemaRegistryClient freshClient() {
    return SchemaRegistryClient.create(SchemaRegistryClientConfig.of(registry.url()));
  }
}
