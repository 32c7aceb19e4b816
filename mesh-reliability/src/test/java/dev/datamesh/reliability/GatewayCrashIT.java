package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The gateway in its own JVM, SIGKILLed several times while it certifies a 100 k-record stream (1 M
 * and more crashes in the soak run) and restarted each time: certified + dead-letter hold every
 * produced record exactly once.
 */
class GatewayCrashIT {
  private static final int CI_RECORDS = 100_000;

  @Test
  void sigkilledGatewayLosesAndDuplicatesNothing() throws Exception {
    TestKafka kafka = TestKafka.shared();
    int total = Soak.records(CI_RECORDS);
    int kills = Soak.times(3, 10);
    String group = TestTopics.unique("gw-crash");
    try (TestServices.RunningService registry =
            TestServices.start(
                kafka,
                "registry",
                Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts")));
        MeshJvm gateway =
            new MeshJvm("gateway", kafka.bootstrapServers(), gatewayProperties(registry, group))) {
      OrdersProduct product =
          OrdersProduct.register(new Http(registry.url()), TestTopics.unique("crash"));
      Map<String, Boolean> produced = new ConcurrentHashMap<>();
      AtomicReference<Throwable> producerError = new AtomicReference<>();
      Thread producer =
          new Thread(() -> produce(kafka, product, total, produced, producerError), "producer");
      gateway.start(Duration.ofMinutes(2));
      producer.start();

      int restarts = 0;
      try (Admin admin = KafkaTestClients.admin(kafka)) {
        for (int k = 1; k <= kills; k++) {
          long threshold = (long) total * k / (kills + 1);
          awaitProgress(admin, group, threshold, gateway);
          gateway.kill();
          restarts++;
          gateway.start(Duration.ofMinutes(2));
        }
      }
      producer.join(TimeUnit.MINUTES.toMillis(10));
      assertThat(producerError.get()).as("the producer failed").isNull();
      assertThat(produced).hasSize(total);

      Ledger.awaitCaughtUp(
          kafka,
          group,
          product.raw(),
          Soak.budget(Duration.ofMinutes(5), total, CI_RECORDS).plusMinutes(5));
      Ledger ledger = Ledger.read(kafka, product.certified(), product.deadLetter());
      Figures figures = ledger.figures("gateway-sigkill", produced.keySet(), restarts).print();

      long bad = produced.values().stream().filter(good -> !good).count();
      assertThat(figures.lost()).as("lost").isZero();
      assertThat(figures.duplicated()).as("duplicated").isZero();
      assertThat(figures.certified()).isEqualTo(total - bad);
      assertThat(figures.deadLettered()).isEqualTo(bad);
      assertThat(restarts).isEqualTo(kills);
      produced.forEach(
          (id, good) -> {
            if (good != ledger.isCertified(id)) {
              throw new AssertionError(id + " good=" + good + " but " + ledger.deadLetterCodes(id));
            }
            if (!good) {
              assertThat(ledger.deadLetterCodes(id)).containsExactly("RULE_VIOLATION");
            }
          });
    }
  }

  static Map<String, String> gatewayProperties(TestServices.RunningService registry, String group) {
    return Map.of(
        "mesh.gateway.registry.url",
        registry.url(),
        "mesh.gateway.registry.refresh",
        "500ms",
        "mesh.gateway.group-id",
        group,
        "mesh.gateway.stats-topic",
        TestTopics.unique("stats"),
        "mesh.gateway.masking.hash-key",
        Base64.getEncoder().encodeToString(new byte[32]),
        // A killed member leaves the group only when its session times out; the broker's minimum
        // (6 s) instead of the client default (45 s) keeps each restart's rebalance short.
        "kafka.session.timeout.ms",
        "6000",
        "kafka.heartbeat.interval.ms",
        "1000");
  }

  /** Every 10th record breaks the currency rule; keys are unique; ids come from the broker. */
  private static void produce(
      TestKafka kafka,
      OrdersProduct product,
      int total,
      Map<String, Boolean> produced,
      AtomicReference<Throwable> error) {
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (int i = 0; i < total && error.get() == null; i++) {
        boolean good = i % 10 != 0;
        byte[] value = good ? product.good(i) : product.ruleViolation();
        producer.send(
            new ProducerRecord<>(product.raw(), ("k-" + i).getBytes(StandardCharsets.UTF_8), value),
            (meta, e) -> {
              if (e != null) {
                error.compareAndSet(null, e);
              } else {
                produced.put(Ledger.id(meta.partition(), meta.offset()), good);
              }
            });
      }
      producer.flush();
    } catch (RuntimeException e) {
      error.compareAndSet(null, e);
    }
  }

  /** Waits until the gateway's committed offsets pass {@code threshold} records. */
  private static void awaitProgress(Admin admin, String group, long threshold, MeshJvm gateway)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      long done = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
      if (done >= threshold) {
        return;
      }
      if (!gateway.isAlive()) {
        throw new AssertionError("the gateway died by itself:\n" + gateway.output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the gateway did not reach " + threshold + " records:\n" + gateway.output());
  }
}
