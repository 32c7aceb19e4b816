package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway's transactional loop on a real broker, with a simple byte-level certifier. */
@ExtendWith(TestKafkaExtension.class)
class CertificationLoopIT {

  /** Certifies values that do not start with "bad"; dead-letters the others. */
  private static final RecordCertifier PREFIX_RULE =
      record ->
          text(record.value()).startsWith("bad")
              ? new Verdict.DeadLetter(
                  GatewayErrorCode.RULE_VIOLATION, "value starts with bad", "/value", "no-bad")
              : Verdict.unchanged(record.value());

  private static final int MAX_BYTES = 64 * 1024;

  private final List<Thread> threads = new ArrayList<>();
  private final List<CertificationLoop> loops = new ArrayList<>();

  @AfterEach
  void stopLoops() {
    loops.forEach(l -> l.stop(Duration.ofSeconds(10)));
  }

  @Test
  void validRecordsAreCertifiedUnchangedAndInvalidOnesDeadLetteredWithReasons(TestKafka kafka)
      throws Exception {
    String product = TestTopics.uniqueProduct("orders", "loop");
    KafkaTestClients.createTopics(
        kafka, 3, product + ".raw", product + ".certified", product + ".dlq");
    String stats = TestTopics.unique("stats");
    start(kafka, product, PREFIX_RULE, "a", stats);

    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (int i = 0; i < 30; i++) {
        String value = (i % 10 == 0 ? "bad-" : "ok-") + i;
        producer.send(
            new ProducerRecord<>(product + ".raw", bytes("key-" + (i % 5)), bytes(value)));
      }
    }

    List<ConsumerRecord<byte[], byte[]>> certified =
        KafkaTestClients.readAll(kafka, product + ".certified", 27, Duration.ofSeconds(60));
    List<ConsumerRecord<byte[], byte[]>> dead =
        KafkaTestClients.readAll(kafka, product + ".dlq", 3, Duration.ofSeconds(30));
    List<ConsumerRecord<byte[], byte[]>> raw =
        KafkaTestClients.readAll(kafka, product + ".raw", 30, Duration.ofSeconds(30));

    assertThat(certified).hasSize(27);
    assertThat(dead).hasSize(3);
    for (ConsumerRecord<byte[], byte[]> c : certified) {
      ConsumerRecord<byte[], byte[]> source =
          raw.stream()
              .filter(r -> text(r.value()).equals(text(c.value())))
              .findFirst()
              .orElseThrow();
      assertThat(c.key()).isEqualTo(source.key());
      assertThat(c.partition()).isEqualTo(source.partition());
      assertThat(c.timestamp()).isEqualTo(source.timestamp());
      assertThat(header(c, MeshHeaders.CONTRACT_ID)).isEqualTo(product);
      assertThat(header(c, MeshHeaders.CONTRACT_VERSION)).isEqualTo("1.0.0");
      assertThat(header(c, MeshHeaders.CERTIFIED_AT)).isNotBlank();
      assertThat(header(c, MeshHeaders.SOURCE_OFFSET))
          .isEqualTo(product + ".raw/" + source.partition() + "/" + source.offset());
    }
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(text(d.value())).startsWith("bad-");
              assertThat(header(d, MeshHeaders.ERROR_CODE)).isEqualTo("RULE_VIOLATION");
              assertThat(header(d, MeshHeaders.ERROR_REASON)).isEqualTo("value starts with bad");
              assertThat(header(d, MeshHeaders.ERROR_FIELD)).isEqualTo("/value");
              assertThat(header(d, MeshHeaders.RULE_NAME)).isEqualTo("no-bad");
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<GatewayStatsEvent> events =
                  KafkaTestClients.readAll(kafka, stats, 100, Duration.ofSeconds(2)).stream()
                      .map(r -> MeshJson.read(r.value(), GatewayStatsEvent.class))
                      .filter(e -> e.productId().equals(product))
                      .toList();
              assertThat(events.stream().mapToLong(GatewayStatsEvent::certified).sum())
                  .isEqualTo(27);
              assertThat(events.stream().mapToLong(GatewayStatsEvent::deadLettered).sum())
                  .isEqualTo(3);
            });
    // the two producers took turns (a stats transaction every 500 ms keeps both busy)
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(loops.get(0).commits(0)).isPositive());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(loops.get(0).commits(1)).isPositive());
  }

  @Test
  void tombstonesAndOversizedRecordsAreDeadLetteredWithoutStoppingThePartition(TestKafka kafka)
      throws Exception {
    String product = TestTopics.uniqueProduct("orders", "poison");
    KafkaTestClients.createTopics(
        kafka, 1, product + ".raw", product + ".certified", product + ".dlq");
    start(
        kafka,
        product,
        record -> {
          if (text(record.value()).equals("boom")) {
            throw new IllegalStateException("certifier bug");
          }
          return Verdict.unchanged(record.value());
        },
        "a",
        TestTopics.unique("stats"));

    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      producer.send(new ProducerRecord<>(product + ".raw", bytes("k"), null));
      producer.send(new ProducerRecord<>(product + ".raw", bytes("k"), new byte[MAX_BYTES + 1]));
      producer.send(new ProducerRecord<>(product + ".raw", bytes("k"), bytes("boom")));
      producer.send(new ProducerRecord<>(product + ".raw", bytes("k"), bytes("fine")));
    }

    List<ConsumerRecord<byte[], byte[]>> dead =
        KafkaTestClients.readAll(kafka, product + ".dlq", 3, Duration.ofSeconds(60));
    assertThat(dead)
        .extracting(d -> header(d, MeshHeaders.ERROR_CODE))
        .containsExactly("TOMBSTONE_NOT_ALLOWED", "OVERSIZED", "INTERNAL_ERROR");
    assertThat(KafkaTestClients.readAll(kafka, product + ".certified", 1, Duration.ofSeconds(30)))
        .extracting(r -> text(r.value()))
        .containsExactly("fine");
  }

  @Test
  void abruptCrashesMidStreamLoseAndDuplicateNothing(TestKafka kafka) throws Exception {
    String product = TestTopics.uniqueProduct("payments", "crash");
    KafkaTestClients.createTopics(
        kafka, 3, product + ".raw", product + ".certified", product + ".dlq");
    int total = 6000;
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        String value = (i % 7 == 0 ? "bad-" : "ok-") + i;
        sent.add(
            producer.send(
                new ProducerRecord<>(product + ".raw", bytes("k" + (i % 13)), bytes(value))));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get(); // every raw record is really there: a loss below is the gateway's
      }
    }
    String stats = TestTopics.unique("stats");
    // Two crashes: the certifier throws an Error after some records, which kills the loop
    // mid-transaction without commit or abort (its sends stay in an open transaction).
    for (int crashAfter : new int[] {1500, 1700}) {
      AtomicInteger seen = new AtomicInteger();
      RecordCertifier crashing =
          record -> {
            if (seen.incrementAndGet() == crashAfter) {
              throw new CrashError();
            }
            return PREFIX_RULE.certify(record);
          };
      Thread thread = start(kafka, product, crashing, "crashy", stats);
      thread.join(Duration.ofSeconds(120).toMillis());
      assertThat(thread.isAlive()).as("loop crashed").isFalse();
    }
    start(kafka, product, PREFIX_RULE, "crashy", stats);

    long expectedBad = java.util.stream.IntStream.range(0, total).filter(i -> i % 7 == 0).count();
    List<ConsumerRecord<byte[], byte[]>> certified =
        KafkaTestClients.readAll(
            kafka, product + ".certified", (int) (total - expectedBad), Duration.ofSeconds(120));
    List<ConsumerRecord<byte[], byte[]>> dead =
        KafkaTestClients.readAll(
            kafka, product + ".dlq", (int) expectedBad, Duration.ofSeconds(60));
    // Wait a little for anything extra (duplicates) to show up, then read everything again.
    Thread.sleep(2000);
    certified =
        KafkaTestClients.readAll(kafka, product + ".certified", total + 1, Duration.ofSeconds(5));
    dead = KafkaTestClients.readAll(kafka, product + ".dlq", total + 1, Duration.ofSeconds(5));

    Set<String> seenValues = new HashSet<>();
    certified.forEach(r -> assertThat(seenValues.add(text(r.value()))).as("duplicate").isTrue());
    dead.forEach(r -> assertThat(seenValues.add(text(r.value()))).as("duplicate").isTrue());
    assertThat(certified).hasSize((int) (total - expectedBad));
    assertThat(dead).hasSize((int) expectedBad);
    assertThat(seenValues).hasSize(total);
  }

  private Thread start(
      TestKafka kafka, String product, RecordCertifier certifier, String instance, String stats) {
    ProductRoutes routes = new ProductRoutes();
    routes.put(new ProductRoute(product, product, "1.0.0", certifier, false));
    GatewayConfig config =
        GatewayConfig.defaults()
            .withGroupId("gw-" + product)
            .withInstanceId(instance)
            .withStats(stats, Duration.ofMillis(500))
            .withMaxRecordBytes(MAX_BYTES);
    CertificationLoop loop =
        new CertificationLoop(
            config,
            kafka.clientProperties(),
            routes,
            new GatewayMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC());
    Thread thread = new Thread(loop, "gateway-" + product);
    thread.setUncaughtExceptionHandler((t, e) -> {});
    thread.start();
    loops.add(loop);
    threads.add(thread);
    return thread;
  }

  /** Simulates the process dying: not an exception the loop handles. */
  private static final class CrashError extends Error {
    private static final long serialVersionUID = 1L;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : text(h.value());
  }

  private static String text(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
