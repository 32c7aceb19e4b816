package dev.datamesh.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the broker fixture for quality streams: an exactly-once (v2) Kafka Streams app with a
 * state store counts records per key on the real broker.
 */
@ExtendWith(TestKafkaExtension.class)
class StreamsFixtureIT {

  @Test
  void exactlyOnceStreamsAppCountsRecordsPerKey(TestKafka kafka, @TempDir Path stateDir)
      throws Exception {
    String in = TestTopics.unique("fixture.streams.in");
    String out = TestTopics.unique("fixture.streams.out");
    KafkaTestClients.createTopics(kafka, 2, in, out);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .count()
        .toStream()
        .to(out, Produced.with(Serdes.String(), Serdes.Long()));
    Properties props = new Properties();
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, TestTopics.unique("fixture-streams"));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);

    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> streams.state() == KafkaStreams.State.RUNNING);
      try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
        for (String key : List.of("orders", "payments", "orders")) {
          producer.send(new ProducerRecord<>(in, bytes(key), bytes("event"))).get();
        }
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                List<ConsumerRecord<byte[], byte[]>> counts =
                    KafkaTestClients.readAll(kafka, out, 3, Duration.ofSeconds(2));
                assertThat(counts)
                    .filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("orders"))
                    .extracting(r -> Serdes.Long().deserializer().deserialize(out, r.value()))
                    .contains(2L);
              });
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
