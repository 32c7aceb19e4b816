package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestDirs;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.QualityAlertEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The quality service in its own JVM, SIGKILLed mid-window twice (once restarted on its state
 * directory, once on an empty one) while certified traffic opens and closes a latency alert twice:
 * every alert is raised and resolved exactly once, none is repeated or lost, and the freshness
 * alert that stays open across both crashes is not raised again.
 */
class QualityCrashIT {
  private static final int PER_WINDOW = 5;
  private static final long SLOW = 120; // seconds from event to certification: over the 30 s SLA

  @Test
  void sigkilledQualityServiceNeitherRepeatsNorLosesAlerts() throws Exception {
    TestKafka kafka = TestKafka.shared();
    String alerts = TestTopics.unique("alerts");
    try (TestServices.RunningService registry =
        TestServices.start(
            kafka,
            "registry",
            Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts")))) {
      OrdersProduct product =
          OrdersProduct.register(new Http(registry.url()), TestTopics.unique("qcrash"));
      Path stateDir = TestDirs.create("quality-crash");
      Map<String, String> props = qualityProperties(registry.url(), product, alerts, stateDir);
      Instant base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
      int restarts = 0;
      try (MeshJvm quality = new MeshJvm("quality", kafka.bootstrapServers(), props);
          KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
        quality.start(Duration.ofMinutes(2));
        // W0 good, W1 slow (fires when W1 closes), first half of W2 slow.
        window(producer, product, base, 0, 0, PER_WINDOW, false);
        window(producer, product, base, 1, 0, PER_WINDOW, true);
        window(producer, product, base, 2, 0, 3, true);
        awaitStatuses(kafka, alerts, product, "latency", List.of("FIRING"));

        quality.kill(); // mid-W2, with the alert open and W2's counts in the state stores
        restarts++;
        quality.start(Duration.ofMinutes(2));
        window(producer, product, base, 2, 3, PER_WINDOW, true);
        window(producer, product, base, 3, 0, PER_WINDOW, false); // resolves when W3 closes
        window(producer, product, base, 4, 0, 3, true);
        awaitStatuses(kafka, alerts, product, "latency", List.of("FIRING", "RESOLVED"));

        quality.kill(); // mid-W4, and this time the local state is lost as well
        restarts++;
        deleteRecursively(stateDir);
        quality.start(Duration.ofMinutes(2));
        window(producer, product, base, 4, 3, PER_WINDOW, true); // fires when W4 closes
        window(producer, product, base, 5, 0, PER_WINDOW, false); // resolves when W5 closes
        window(producer, product, base, 7, 0, 1, false); // closes W5
        awaitStatuses(
            kafka, alerts, product, "latency", List.of("FIRING", "RESOLVED", "FIRING", "RESOLVED"));
        // Give repeats a chance: several freshness checks (1 s apart) after the last alert.
        Thread.sleep(5_000);
      }

      Map<String, List<String>> byCheck = statuses(kafka, alerts, product);
      long repeated = 0;
      for (Map.Entry<String, List<String>> e : byCheck.entrySet()) {
        List<String> s = e.getValue();
        for (int i = 0; i < s.size(); i++) {
          String expected = i % 2 == 0 ? "FIRING" : "RESOLVED";
          if (!s.get(i).equals(expected)) {
            repeated++;
          }
        }
      }
      long sent = byCheck.values().stream().mapToLong(List::size).sum();
      System.out.printf(
          "RELIABILITY scenario=quality-sigkill alerts=%d checks=%s repeated=%d lost=%d restarts=%d%n",
          sent, byCheck, repeated, 4 - byCheck.getOrDefault("latency", List.of()).size(), restarts);
      assertThat(byCheck.get("latency"))
          .as("the latency alert's two episodes, each once")
          .containsExactly("FIRING", "RESOLVED", "FIRING", "RESOLVED");
      assertThat(byCheck.get("freshness"))
          .as("stale throughout: raised once, never again after the crashes")
          .containsExactly("FIRING");
      assertThat(repeated).as("alerts out of the FIRING/RESOLVED alternation").isZero();
    }
  }

  private static Map<String, String> qualityProperties(
      String registryUrl, OrdersProduct product, String alerts, Path stateDir) {
    Map<String, String> q = new HashMap<>();
    q.put("mesh.quality.application-id", TestTopics.unique("quality-crash"));
    q.put("mesh.quality.state-dir", stateDir.toString());
    q.put("mesh.quality.registry-url", registryUrl);
    q.put("mesh.quality.certified-pattern", Pattern.quote(product.certified()));
    q.put("mesh.quality.dead-letter-pattern", Pattern.quote(product.deadLetter()));
    q.put("mesh.quality.stats-topic", TestTopics.unique("stats"));
    q.put("mesh.quality.metrics-topic", TestTopics.unique("metrics"));
    q.put("mesh.quality.alerts-topic", alerts);
    q.put("mesh.quality.health-topic", TestTopics.unique("health"));
    q.put("mesh.quality.freshness-interval", "1s");
    q.put("mesh.quality.topic-refresh", "1s");
    q.put("mesh.quality.contracts-poll-interval", "1s");
    q.put("mesh.quality.commit-interval", "100ms");
    q.put("mesh.quality.grace", "5s");
    q.put("mesh.quality.partitions", "1");
    return q;
  }

  /** Records {@code from..to} of one-minute window {@code w}, certified 1 s or 120 s late. */
  private static void window(
      KafkaProducer<byte[], byte[]> producer,
      OrdersProduct product,
      Instant base,
      int w,
      int from,
      int to,
      boolean slow)
      throws Exception {
    for (int k = from; k < to; k++) {
      Instant eventTime = base.plusSeconds(w * 60L + k * 5L + 1);
      ObjectNode order = OrdersProduct.orderJson(w * 100 + k);
      order.put("placedAt", eventTime.toString());
      RecordHeaders headers = new RecordHeaders();
      headers.add("mesh.contract.id", bytes(product.contract().contractId()));
      headers.add("mesh.contract.version", bytes(product.contract().version().toString()));
      headers.add("mesh.certified.at", bytes(eventTime.plusSeconds(slow ? SLOW : 1).toString()));
      producer
          .send(
              new ProducerRecord<>(
                  product.certified(),
                  0,
                  eventTime.toEpochMilli(),
                  bytes(order.path("orderId").asText()),
                  product.frame(order),
                  headers))
          .get();
    }
  }

  private static void awaitStatuses(
      TestKafka kafka, String alerts, OrdersProduct product, String check, List<String> expected) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(statuses(kafka, alerts, product).getOrDefault(check, List.of()))
                    .containsExactlyElementsOf(expected));
  }

  /** check -> statuses in log order, for the product's alerts. */
  private static Map<String, List<String>> statuses(
      TestKafka kafka, String alerts, OrdersProduct product) throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var r :
        KafkaTestClients.readAll(kafka, alerts, Integer.MAX_VALUE, Duration.ofSeconds(2))) {
      QualityAlertEvent alert = MeshJson.read(r.value(), QualityAlertEvent.class);
      if (alert.productId().equals(product.productId())) {
        out.computeIfAbsent(alert.check(), k -> new ArrayList<>()).add(alert.status().name());
      }
    }
    return out;
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
