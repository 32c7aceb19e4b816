package dev.datamesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the broker fixture for lineage's consumer discovery: a consumer group that commits on a
 * topic is found through the admin API with no registration.
 */
@ExtendWith(TestKafkaExtension.class)
class ConsumerGroupDiscoveryFixtureIT {

  @Test
  void groupReadingATopicIsDiscoveredWithTheAdminApi(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("fixture.lineage.certified");
    String group = TestTopics.unique("fixture-analytics");
    KafkaTestClients.createTopics(kafka, 1, topic);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(new ProducerRecord<>(topic, new byte[] {1})).get();
    }
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaTestClients.consumer(kafka, group)) {
      consumer.subscribe(Set.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
      consumer.commitSync();
    }

    try (Admin admin = KafkaTestClients.admin(kafka)) {
      assertThat(admin.listGroups().all().get())
          .anySatisfy(g -> assertThat(g.groupId()).isEqualTo(group));
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      assertThat(offsets).containsKey(new TopicPartition(topic, 0));
      assertThat(offsets.get(new TopicPartition(topic, 0)).offset()).isEqualTo(1L);
    }
  }
}
