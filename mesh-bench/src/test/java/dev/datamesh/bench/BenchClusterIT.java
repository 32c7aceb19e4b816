package dev.datamesh.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.gateway.MeshHeaders;
import dev.datamesh.gateway.SourceOffset;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench's own parts on a real broker: what it measures must be what it says it measures. */
class BenchClusterIT {
  private static final int RECORDS = 2_000;

  @Test
  void brokerSettingsReachTheInProcessBroker() throws Exception {
    BenchMain bench = new BenchMain();
    bench.brokerProps.put("add.partitions.to.txn.retry.backoff.ms", "7");
    BenchCluster cluster = bench.startCluster(null);
    try (Admin admin = KafkaTestClients.admin(cluster.kafka())) {
      String node = admin.describeCluster().nodes().get().iterator().next().idString();
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);

      String value =
          admin
              .describeConfigs(List.of(broker))
              .all()
              .get()
              .get(broker)
              .get("add.partitions.to.txn.retry.backoff.ms")
              .value();

      assertThat(value).isEqualTo("7");
    } finally {
      cluster.close();
    }
  }

  @Test
  void anExternalClusterIsUsedAsItIsAndBrokerSettingsCannotApplyToIt() throws Exception {
    TestKafka shared = TestKafka.shared();
    BenchCluster cluster = new BenchMain().startCluster(shared.bootstrapServers());
    assertThat(cluster.kafka().bootstrapServers()).isEqualTo(shared.bootstrapServers());
    cluster.close();
    // closing the bench's view leaves the external cluster running
    try (Admin admin = KafkaTestClients.admin(shared)) {
      assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
    }

    BenchMain withSettings = new BenchMain();
    withSettings.brokerProps.put("log.retention.hours", "1");
    assertThatThrownBy(() -> withSettings.startCluster(shared.bootstrapServers()))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--broker sets the in-process broker");
  }

  @Test
  void theBaselinePipeCopiesEveryRecordOnceAndItsRoundIsMeasured() throws Exception {
    TestKafka kafka = TestKafka.shared();
    String in = newTopic(kafka, "bench.in");
    String out = newTopic(kafka, "bench.out");
    ProduceCounters before = ProduceCounters.now();
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (int i = 0; i < RECORDS; i++) {
        producer.send(new ProducerRecord<>(in, bytes("record-" + i)));
      }
      producer.flush();
      ProduceCounters after = ProduceCounters.now();
      assertThat(after.records() - before.records()).isEqualTo(RECORDS);
      assertThat(after.requests() - before.requests()).isBetween(1.0, (double) RECORDS);
      assertThat(after.since(before)).contains("records per request");
    }

    BenchCluster.Throughput round = runPipe(kafka, in, out, null);
    assertThat(round.recordsPerSecond()).isPositive();
    assertThat(round.processCpuMicros()).isPositive();
    assertThat(round.threadCpuMicros()).isPositive();
    List<ConsumerRecord<byte[], byte[]>> copied =
        KafkaTestClients.readToEnd(kafka, out, Duration.ofSeconds(60));
    Set<String> values =
        copied.stream()
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .collect(Collectors.toSet());
    assertThat(copied).hasSize(RECORDS);
    assertThat(values).hasSize(RECORDS).contains("record-0", "record-" + (RECORDS - 1));
  }

  @Test
  void thePipeWithMeshHeadersPutsTheGatewaysFourHeadersOnEveryCopy() throws Exception {
    TestKafka kafka = TestKafka.shared();
    String in = newTopic(kafka, "bench.in");
    String out = newTopic(kafka, "bench.out");
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (int i = 0; i < 300; i++) {
        producer.send(new ProducerRecord<>(in, bytes("record-" + i)));
      }
      producer.flush();
    }

    runPipe(kafka, in, out, new EosPipe.MeshLikeHeaders("bench-c", "1.0.0"));

    List<ConsumerRecord<byte[], byte[]>> copied =
        KafkaTestClients.readToEnd(kafka, out, Duration.ofSeconds(60));
    List<ConsumerRecord<byte[], byte[]>> originals =
        KafkaTestClients.readToEnd(kafka, in, Duration.ofSeconds(60));
    Map<String, SourceOffset> sourceByValue =
        originals.stream()
            .collect(
                Collectors.toMap(
                    r -> new String(r.value(), StandardCharsets.UTF_8),
                    r -> new SourceOffset(r.topic(), r.partition(), r.offset())));
    assertThat(copied).hasSize(300);
    assertThat(copied)
        .allSatisfy(
            r -> {
              assertThat(r.headers().toArray())
                  .extracting(Header::key)
                  .containsExactly(
                      MeshHeaders.CONTRACT_ID,
                      MeshHeaders.CONTRACT_VERSION,
                      MeshHeaders.CERTIFIED_AT,
                      MeshHeaders.SOURCE_OFFSET);
              assertThat(SourceOffset.of(r.headers()))
                  .contains(sourceByValue.get(new String(r.value(), StandardCharsets.UTF_8)));
              assertThat(
                      Instant.parse(
                          new String(
                              r.headers().lastHeader(MeshHeaders.CERTIFIED_AT).value(),
                              StandardCharsets.UTF_8)))
                  .isBefore(Instant.now());
            });
  }

  private static BenchCluster.Throughput runPipe(
      TestKafka kafka, String in, String out, EosPipe.MeshLikeHeaders headers) throws Exception {
    BenchCluster cluster = new BenchCluster(null, kafka, false);
    String group = TestTopics.unique("bench-pipe-it");
    EosPipe pipe =
        new EosPipe(
            kafka.clientProperties(),
            in,
            out,
            group,
            new BenchMain.TxRule(Duration.ofMillis(100), true),
            headers);
    Thread thread = new Thread(pipe, "bench-pipe");
    thread.start();
    try {
      long total = KafkaTestClients.readToEnd(kafka, in, Duration.ofSeconds(60)).size();
      return cluster.await(group, in, total, Duration.ofSeconds(60), "bench-pipe");
    } finally {
      pipe.stop();
      thread.join();
      cluster.close();
    }
  }

  private static String newTopic(TestKafka kafka, String prefix) {
    String topic = TestTopics.unique(prefix);
    KafkaTestClients.createTopics(kafka, 3, topic);
    return topic;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
