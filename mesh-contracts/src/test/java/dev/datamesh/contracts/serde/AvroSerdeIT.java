package dev.datamesh.contracts.serde;

import static dev.datamesh.contracts.serde.AvroSerializerTest.TINY;
import static dev.datamesh.contracts.serde.AvroSerializerTest.tiny;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real producer and consumer on the real broker, with the serde created by Kafka from class names,
 * against a tiny HTTP registry double.
 */
@ExtendWith(TestKafkaExtension.class)
class AvroSerdeIT {
  private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(41);

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void genericRecordsAndTombstonesRoundTripThroughTheBroker(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("serde-generic");
    KafkaTestClients.createTopics(kafka, 2, topic);
    int id = registry.register(topic + "-value", TINY); // certified producers never register
    List<GenericRecord> sent = List.of(tiny(1, "a", 10), tiny(2, "b", null), tiny(300, "ab", -3));

    try (KafkaProducer<String, GenericRecord> producer =
        new KafkaProducer<>(producerConfig(kafka, StringSerializer.class, Map.of()))) {
      for (GenericRecord record : sent) {
        producer.send(new ProducerRecord<>(topic, "k" + record.get("id"), record)).get();
      }
      producer.send(new ProducerRecord<>(topic, "k1", null)).get();
    }

    List<ConsumerRecord<String, Object>> received =
        consume(kafka, topic, StringDeserializer.class, Map.of(), 4);
    assertThat(received.stream().filter(r -> r.value() != null).map(ConsumerRecord::value))
        .containsExactlyInAnyOrderElementsOf(sent);
    assertThat(received.stream().filter(r -> r.value() == null).map(ConsumerRecord::key))
        .containsExactly("k1");
    assertThat(registry.count("POST", "/subjects/" + topic + "-value/versions")).isZero();

    List<ConsumerRecord<byte[], byte[]>> raw =
        KafkaTestClients.readAll(kafka, topic, 4, Duration.ofSeconds(30));
    assertThat(raw.stream().filter(r -> r.value() != null))
        .allSatisfy(
            r -> {
              UnframeResult.Framed framed = (UnframeResult.Framed) WireFormat.unframe(r.value());
              assertThat(framed.schemaId()).isEqualTo(id);
            });
  }

  @Test
  void specificRecordsWithAvroKeysRoundTripThroughTheBroker(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("serde-specific");
    KafkaTestClients.createTopics(kafka, 1, topic);
    Map<String, Object> autoRegister = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    try (KafkaProducer<Object, TestOrder> producer =
        new KafkaProducer<>(producerConfig(kafka, AvroSerializer.class, autoRegister))) {
      producer.send(new ProducerRecord<>(topic, "order-1", new TestOrder(1, "c-1", 5))).get();
      producer.send(new ProducerRecord<>(topic, "order-2", new TestOrder(2, "c-2", null))).get();
    }

    Map<String, Object> specific =
        Map.of(
            AvroSerdeConfig.SPECIFIC_AVRO_READER,
            true,
            AvroSerdeConfig.SPECIFIC_AVRO_TRUSTED_PACKAGES,
            "dev.datamesh.contracts.serde");
    List<ConsumerRecord<Object, Object>> received =
        consume(kafka, topic, AvroDeserializer.class, specific, 2);
    assertThat(received).extracting(ConsumerRecord::key).containsExactly("order-1", "order-2");
    assertThat(received)
        .extracting(ConsumerRecord::value)
        .allSatisfy(v -> assertThat(v).isInstanceOf(TestOrder.class))
        .containsExactly(new TestOrder(1, "c-1", 5), new TestOrder(2, "c-2", null));
    assertThat(registry.count("POST", "/subjects/" + topic + "-key/versions")).isEqualTo(1);
    assertThat(registry.count("POST", "/subjects/" + topic + "-value/versions")).isEqualTo(1);
  }

  private Map<String, Object> producerConfig(
      TestKafka kafka, Class<?> keySerializer, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
    config.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url());
    config.putAll(extra);
    return config;
  }

  private <K> List<ConsumerRecord<K, Object>> consume(
      TestKafka kafka, String topic, Class<?> keyDeserializer, Map<String, Object> extra, int n) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("serde-reader"));
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
    config.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url());
    config.putAll(extra);
    List<ConsumerRecord<K, Object>> records = new ArrayList<>();
    try (KafkaConsumer<K, Object> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < n && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
