package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestDirs;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A dedicated broker stopped and started on the same port and data directory twice while the
 * registry, the gateway and the quality service run against it and records stream in: nothing is
 * lost or duplicated, and every service works again afterwards without a manual step.
 *
 * <p>A 3-broker cluster with one broker killed is not covered here: the embedded broker is a single
 * combined KRaft node (see docs/RELIABILITY.md).
 */
class BrokerRestartIT {
  private static final int CI_RECORDS = 30_000;

  @Test
  void servicesRecoverFromBrokerRestartsByThemselvesAndNothingIsLost() throws Exception {
    int total = Soak.records(CI_RECORDS) / (Soak.on() ? 10 : 1);
    int restarts = Soak.times(2, 6);
    try (EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral())) {
      TestKafka kafka = TestKafka.external(broker.bootstrapServers());
      String group = TestTopics.unique("gw-broker");
      String metrics = TestTopics.unique("metrics");
      Path state = TestDirs.create("quality-broker-restart");
      try (TestServices.RunningService registry = TestServices.start(kafka, "registry", Map.of());
          TestServices.RunningService gateway =
              TestServices.start(kafka, "gateway", gatewayProperties(registry.url(), group));
          TestServices.RunningService quality =
              TestServices.start(
                  kafka, "quality", qualityProperties(registry.url(), metrics, state))) {
        Http reg = new Http(registry.url());
        OrdersProduct product = OrdersProduct.register(reg, TestTopics.unique("restart"));

        Map<String, Boolean> produced = new ConcurrentHashMap<>();
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread producer =
            new Thread(() -> produce(kafka, product, total, produced, acked, error), "producer");
        producer.start();
        for (int r = 1; r <= restarts; r++) {
          int threshold = total * r / (restarts + 1);
          await()
              .atMost(Duration.ofMinutes(5))
              .pollInterval(Duration.ofMillis(50))
              .until(() -> acked.get() >= threshold || error.get() != null);
          broker.restart();
        }
        producer.join(TimeUnit.MINUTES.toMillis(10));
        assertThat(error.get()).as("the producer failed").isNull();
        assertThat(produced).hasSize(total);

        Ledger.awaitCaughtUp(kafka, group, product.raw(), Duration.ofMinutes(Soak.times(5, 30)));
        Ledger ledger = Ledger.read(kafka, product.certified(), product.deadLetter());
        Figures figures = ledger.figures("broker-restart", produced.keySet(), restarts).print();
        long bad = produced.values().stream().filter(g -> !g).count();
        assertThat(figures.lost()).as("lost").isZero();
        assertThat(figures.duplicated()).as("duplicated").isZero();
        assertThat(figures.certified()).isEqualTo(total - bad);
        assertThat(figures.deadLettered()).isEqualTo(bad);

        // The registry writes again (its log producer recovered) and the gateway picks it up.
        OrdersProduct after = OrdersProduct.register(reg, TestTopics.unique("after"));
        Http gw = new Http(gateway.url());
        await()
            .atMost(Duration.ofMinutes(2))
            .untilAsserted(
                () ->
                    assertThat(
                            gw.post(
                                    "/products/" + after.productId() + "/events",
                                    "application/json",
                                    OrdersProduct.orderJson(7).toString())
                                .status())
                        .isEqualTo(201));
        assertThat(KafkaTestClients.readAll(kafka, after.certified(), 1, Duration.ofMinutes(2)))
            .hasSize(1);
        // The quality service's streams run again and publish metrics of the new records.
        Http q = new Http(quality.url());
        await()
            .atMost(Duration.ofMinutes(2))
            .untilAsserted(
                () -> {
                  Http.Reply health = q.get("/health");
                  assertThat(health.status()).as(health.body()).isEqualTo(200);
                });
        // Windows close on event time: keep sending current events until one closes.
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(2))
            .untilAsserted(
                () -> {
                  ObjectNode now = OrdersProduct.orderJson(8);
                  now.put("placedAt", Instant.now().toString());
                  gw.post(
                      "/products/" + after.productId() + "/events",
                      "application/json",
                      now.toString());
                  assertThat(
                          KafkaTestClients.readAll(
                                  kafka, metrics, Integer.MAX_VALUE, Duration.ofSeconds(2))
                              .stream()
                              .map(m -> new String(m.value(), StandardCharsets.UTF_8))
                              .filter(m -> m.contains(after.productId())))
                      .isNotEmpty();
                });
      }
    }
  }

  private static Map<String, Object> gatewayProperties(String registryUrl, String group) {
    Map<String, Object> gw = new HashMap<>();
    gw.put("mesh.gateway.registry.url", registryUrl);
    gw.put("mesh.gateway.registry.refresh", "500ms");
    gw.put("mesh.gateway.group-id", group);
    gw.put("mesh.gateway.masking.hash-key", Base64.getEncoder().encodeToString(new byte[32]));
    return gw;
  }

  private static Map<String, Object> qualityProperties(
      String registryUrl, String metrics, Path state) {
    Map<String, Object> q = new HashMap<>();
    q.put("mesh.quality.application-id", TestTopics.unique("quality-broker"));
    q.put("mesh.quality.state-dir", state.toString());
    q.put("mesh.quality.registry-url", registryUrl);
    q.put("mesh.quality.contracts-poll-interval", "1s");
    q.put("mesh.quality.topic-refresh", "1s");
    q.put("mesh.quality.metrics-topic", metrics);
    q.put("mesh.quality.window", "5s");
    q.put("mesh.quality.grace", "1s");
    return q;
  }

  private static void produce(
      TestKafka kafka,
      OrdersProduct product,
      int total,
      Map<String, Boolean> produced,
      AtomicInteger acked,
      AtomicReference<Throwable> error) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
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
                acked.incrementAndGet();
              }
            });
        if (i % 500 == 499) {
          Thread.sleep(50); // a stream over time, so restarts fall in the middle of it
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error.compareAndSet(null, e);
    } catch (RuntimeException e) {
      error.compareAndSet(null, e);
    }
  }
}
