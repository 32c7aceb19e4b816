package dev.datamesh.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKafkaExtension.class)
class TestKafkaIT {

  @Test
  void sharedBrokerIsTheSameInstanceForEveryTest(TestKafka kafka) {
    assertThat(kafka).isSameAs(TestKafka.shared());
    assertThat(kafka.bootstrapServers()).matches(".+:\\d+");
  }

  @Test
  void recordsSurviveABrokerRestart(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("restart");
    KafkaTestClients.createTopics(kafka, 1, topic);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(new ProducerRecord<>(topic, "before".getBytes(StandardCharsets.UTF_8))).get();
    }
    if (kafka.restarter().isEmpty()) {
      return; // external or container cluster: restart is not ours to do
    }
    kafka.restarter().get().run();
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(new ProducerRecord<>(topic, "after".getBytes(StandardCharsets.UTF_8))).get();
    }
    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaTestClients.readAll(kafka, topic, 2, Duration.ofSeconds(30));
    assertThat(records)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("before", "after");
  }
}
