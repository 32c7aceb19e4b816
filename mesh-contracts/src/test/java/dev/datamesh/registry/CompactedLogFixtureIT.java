package dev.datamesh.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the broker fixture for the registry's storage model: a compacted, single-partition log
 * replayed from the start yields the latest value per key, in log order.
 */
@ExtendWith(TestKafkaExtension.class)
class CompactedLogFixtureIT {

  @Test
  void replayingACompactedLogGivesTheLatestValuePerKeyInLogOrder(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("_mesh.contracts-fixture");
    try (Admin admin = KafkaTestClients.admin(kafka)) {
      NewTopic compacted =
          new NewTopic(topic, 1, (short) 1)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      KafkaTestClients.createTopics(kafka, List.of(compacted));
      String policy =
          admin
              .describeConfigs(
                  Set.of(
                      new org.apache.kafka.common.config.ConfigResource(
                          org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic)))
              .all()
              .get()
              .values()
              .iterator()
              .next()
              .get(TopicConfig.CLEANUP_POLICY_CONFIG)
              .value();
      assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(record(topic, "subject-a", "v1")).get();
      producer.send(record(topic, "subject-b", "v1")).get();
      producer.send(record(topic, "subject-a", "v2")).get();
    }

    List<ConsumerRecord<byte[], byte[]>> log =
        KafkaTestClients.readAll(kafka, topic, 3, Duration.ofSeconds(30));
    Map<String, String> state = new LinkedHashMap<>();
    log.forEach(r -> state.put(text(r.key()), text(r.value())));

    assertThat(log).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
    assertThat(state).containsExactly(Map.entry("subject-a", "v2"), Map.entry("subject-b", "v1"));
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
    return new ProducerRecord<>(
        topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
