package dev.datamesh.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
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
    String in = TestTopics.unique("bench.in");
    String out = TestTopics.unique("bench.out");
    KafkaTestClients.createTopics(kafka, 3, in, out);
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

    BenchCluster cluster = new BenchCluster(null, kafka, false);
    String group = TestTopics.unique("bench-pipe-it");
    EosPipe pipe =
        new EosPipe(
            kafka.clientProperties(),
            in,
            out,
            group,
            new BenchMain.TxRule(Duration.ofMillis(100), true));
    Thread thread = new Thread(pipe, "bench-pipe");
    thread.start();
    BenchCluster.Throughput round;
    try {
      round = cluster.await(group, in, RECORDS, Duration.ofSeconds(60), "bench-pipe");
    } finally {
      pipe.stop();
      thread.join();
      cluster.close();
    }

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

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
