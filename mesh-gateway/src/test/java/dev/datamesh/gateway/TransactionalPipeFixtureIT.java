package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the broker fixture for the gateway's delivery model: read-process-write in one Kafka
 * transaction, where an aborted transaction leaves nothing visible to read_committed readers.
 */
@ExtendWith(TestKafkaExtension.class)
class TransactionalPipeFixtureIT {

  @Test
  void committedTransactionsAreVisibleAndAbortedOnesAreNot(TestKafka kafka) throws Exception {
    String raw = TestTopics.unique("fixture.pipe.raw");
    String certified = TestTopics.unique("fixture.pipe.certified");
    KafkaTestClients.createTopics(kafka, 1, raw, certified);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (String v : List.of("a", "b", "c")) {
        producer.send(new ProducerRecord<>(raw, bytes(v))).get();
      }
    }

    String group = TestTopics.unique("fixture-pipe");
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaTestClients.consumer(kafka, group);
        KafkaProducer<byte[], byte[]> tx = transactionalProducer(kafka)) {
      consumer.subscribe(Set.of(raw));
      tx.initTransactions();
      List<ConsumerRecord<byte[], byte[]>> batch = pollAtLeast(consumer, 3);

      tx.beginTransaction();
      tx.send(new ProducerRecord<>(certified, bytes("aborted")));
      tx.abortTransaction();

      tx.beginTransaction();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : batch) {
        tx.send(new ProducerRecord<>(certified, r.key(), r.value()));
        offsets.put(
            new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
      }
      tx.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      tx.commitTransaction();
    }

    List<ConsumerRecord<byte[], byte[]>> out =
        KafkaTestClients.readAll(kafka, certified, 3, Duration.ofSeconds(30));
    assertThat(out)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("a", "b", "c");
  }

  private static List<ConsumerRecord<byte[], byte[]>> pollAtLeast(
      KafkaConsumer<byte[], byte[]> consumer, int count) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    assertThat(records).hasSize(count);
    return records;
  }

  private static KafkaProducer<byte[], byte[]> transactionalProducer(TestKafka kafka) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestTopics.unique("fixture-tx"));
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
