package dev.datamesh.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.serde.AvroSerializer;
import dev.datamesh.quality.contracts.MutableProductContracts;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestDirs;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import dev.datamesh.topics.QualityAlertEvent.Status;
import dev.datamesh.topics.QualityMetricsEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The quality service end to end on the real broker and the real registry: certified Avro traffic
 * (Confluent wire format) with nulls, a duplicate, a dead letter and a gap raises and resolves the
 * expected alerts and health; silence fires freshness; a downstream product is inhibited by its
 * upstream; a restarted instance (empty state directory, restored from the changelogs) neither
 * repeats nor forgets alerts. Event times are half an hour in the past so windows close at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestKafka kafka = TestKafka.shared();
  private final String domain = TestTopics.unique("qa");
  private final String orders = domain + ".orders";
  private final String invoices = domain + ".invoices";
  private final String alertsTopic = TestTopics.unique("quality-alerts");
  private final String metricsTopic = TestTopics.unique("quality-metrics");
  private final String healthTopic = TestTopics.unique("product-health");
  private final String statsTopic = TestTopics.unique("gateway-stats");
  private final String applicationId = TestTopics.unique("quality-it");
  private final MutableProductContracts contracts = ProductContracts.inMemory();
  private final HttpClient http = HttpClient.newHttpClient();
  private DataContract ordersContract;
  private DataContract invoicesContract;
  private ApplicationContext registry;
  private ApplicationContext quality;
  private String qualityUrl;
  private KafkaProducer<String, Object> producer;
  private Instant base;

  @BeforeAll
  void start() throws Exception {
    registry =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments("registry")
            .properties(
                Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "mesh.registry.store.topic", TestTopics.unique("quality-it-contracts"),
                    "micronaut.server.port", -1))
            .start();
    EmbeddedServer registryServer = registry.getBean(EmbeddedServer.class);
    registryServer.start();
    String registryUrl = "http://localhost:" + registryServer.getPort();

    ordersContract = contract("shop.orders", Map.of("domain: shop", "domain: " + domain));
    invoicesContract =
        contract(
            "shop.invoices",
            Map.of("domain: shop", "domain: " + domain, "[shop.orders]", "[" + orders + "]"));
    contracts.put(ordersContract);
    contracts.put(invoicesContract);
    KafkaTestClients.createTopics(
        kafka, 1, ordersContract.topics().certified(), ordersContract.topics().deadLetter());

    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put("schema.registry.url", registryUrl);
    props.put("auto.register.schemas", true); // the test plays the gateway and registers
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
    producer = new KafkaProducer<>(props);

    startQuality(registryUrl, TestDirs.create("quality-it-state"));
    base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
  }

  private void startQuality(String registryUrl, Path stateDir) {
    Map<String, Object> props = new HashMap<>();
    props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    props.put("micronaut.server.port", -1);
    props.put("mesh.quality.application-id", applicationId);
    props.put("mesh.quality.state-dir", stateDir.toString());
    props.put("mesh.quality.contracts-source", "provided");
    props.put("mesh.quality.registry-url", registryUrl);
    props.put("mesh.quality.certified-pattern", Pattern.quote(domain) + "\\..*\\.certified");
    props.put("mesh.quality.dead-letter-pattern", Pattern.quote(domain) + "\\..*\\.dlq");
    props.put("mesh.quality.stats-topic", statsTopic);
    props.put("mesh.quality.metrics-topic", metricsTopic);
    props.put("mesh.quality.alerts-topic", alertsTopic);
    props.put("mesh.quality.health-topic", healthTopic);
    props.put("mesh.quality.freshness-interval", "1s");
    props.put("mesh.quality.topic-refresh", "1s");
    props.put("mesh.quality.commit-interval", "100ms");
    props.put("mesh.quality.partitions", 2);
    props.put("mesh.quality.streams.client.id", applicationId + "-client");
    quality =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments("quality")
            .properties(props)
            .singletons(contracts)
            .start();
    EmbeddedServer server = quality.getBean(EmbeddedServer.class);
    server.start();
    qualityUrl = "http://localhost:" + server.getPort();
    QualityStreams streams = quality.getBean(QualityStreams.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  @AfterAll
  void stop() {
    if (producer != null) {
      producer.close();
    }
    if (quality != null) {
      quality.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void extraStreamsSettingsReachKafkaStreamsUnderTheirKafkaNames() {
    // mesh.quality.streams.client.id names the stream threads "<client.id>-StreamThread-<n>"
    assertThat(quality.getBean(QualityConfig.class).streams())
        .containsEntry("client.id", applicationId + "-client");
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .anyMatch(name -> name.startsWith(applicationId + "-client-StreamThread-"));
  }

  @Test
  void streamsRunWithTheTopologysSettingsUnlessStreamsSettingsSayOtherwise() {
    QualityStreamsRunner runner = (QualityStreamsRunner) quality.getBean(QualityStreams.class);

    assertThat(runner.properties())
        .containsEntry("producer.batch.size", 256 * 1024)
        .containsEntry("max.task.idle.ms", -1L)
        .containsEntry("client.id", applicationId + "-client");
  }

  @Test
  @Order(1)
  void certifiedTrafficWithNullsDuplicatesDeadLettersAndAGapRaisesAndResolvesAlerts()
      throws Exception {
    // [0, 60): 5 records, 2 without e-mail (40 % > 20 %), one duplicate id; 1 dead letter
    for (int i = 0; i < 4; i++) {
      order("a" + i, i < 2 ? null : "a" + i + "@shop.example", 5 + i);
    }
    order("a0", "again@shop.example", 10);
    deadLetter(11);
    // [60, 120): 5 good ones; then nothing in [120, 240); then [240, 300): 5 good ones
    for (int i = 0; i < 5; i++) {
      order("b" + i, "b@shop.example", 65 + i);
    }
    for (int i = 0; i < 5; i++) {
      order("c" + i, "c@shop.example", 245 + i);
    }
    order("tick", "t@shop.example", 400); // closes everything up to [240, 300)
    producer.flush();
    stats();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              List<QualityAlertEvent> alerts = alerts(orders);
              assertThat(statuses(alerts, "completeness/emailPresent"))
                  .containsExactly(Status.FIRING, Status.RESOLVED);
              assertThat(statuses(alerts, "uniqueness/orderIdUnique"))
                  .containsExactly(Status.FIRING, Status.RESOLVED);
              assertThat(statuses(alerts, "validity/deadLetterRate"))
                  .containsExactly(Status.FIRING, Status.RESOLVED);
              assertThat(statuses(alerts, "volume/throughput"))
                  .containsExactly(Status.FIRING, Status.RESOLVED);
              // the newest event is ~23 minutes old: stale against 5 minutes
              assertThat(statuses(alerts, "freshness")).containsExactly(Status.FIRING);
            });
    QualityAlertEvent firing =
        alerts(orders).stream()
            .filter(a -> a.check().equals("completeness/emailPresent"))
            .findFirst()
            .orElseThrow();
    assertThat(firing.observed()).isEqualTo("40 %");
    assertThat(firing.windowStart()).isEqualTo(base);
    assertThat(firing.owner()).isEqualTo("shop-team");
    assertThat(firing.supportChannel()).isEqualTo("#shop-data");
    assertThat(firing.contractVersion()).isEqualTo("1.2.0");
    QualityAlertEvent gap =
        alerts(orders).stream()
            .filter(a -> a.check().equals("volume/throughput"))
            .findFirst()
            .orElseThrow();
    assertThat(gap.observed()).isEqualTo("0 records");
    assertThat(gap.windowStart()).isEqualTo(base.plusSeconds(120));

    QualityMetricsEvent first =
        read(metricsTopic, QualityMetricsEvent.class).stream()
            .filter(m -> m.productId().equals(orders) && m.windowStart().equals(base))
            .findFirst()
            .orElseThrow();
    assertThat(first.records()).isEqualTo(5);
    assertThat(first.nullCounts()).containsEntry("/email", 2L);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(first.deadLetters()).isEqualTo(1);
    assertThat(first.deadLettersByCode()).containsEntry("RECORD_PATTERN_MISMATCH", 1L);
    assertThat(first.lag().maxMs()).isEqualTo(1_000);

    // freshness failing (error): the product is failing, over HTTP too
    JsonNode health = getJson("/quality/products/" + orders, 200);
    assertThat(health.path("status").asText()).isEqualTo("failing");
    assertThat(health.path("openAlerts").toString()).contains(orders + "/freshness");

    // a downstream product goes stale while its upstream's freshness alert fires: inhibited
    KafkaTestClients.createTopics(kafka, 1, invoicesContract.topics().certified());
    invoice("i1", Instant.now().minus(Duration.ofMinutes(10)).plusSeconds(3));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(alerts(invoices))
                    .filteredOn(a -> a.check().equals("freshness"))
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.status()).isEqualTo(Status.FIRING);
                          assertThat(a.inhibitedBy()).containsExactly(orders);
                          assertThat(a.owner()).isEqualTo("billing-team");
                        }));

    // fresh orders resolve freshness, and the product is healthy again
    for (int i = 0; i < 3; i++) {
      order("now" + i, "n@shop.example", Instant.now());
    }
    producer.flush();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(statuses(alerts(orders), "freshness"))
                    .containsExactly(Status.FIRING, Status.RESOLVED));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<ProductHealthEvent> all = read(healthTopic, ProductHealthEvent.class);
              assertThat(all)
                  .filteredOn(h -> h.productId().equals(orders))
                  .last()
                  .satisfies(
                      h -> assertThat(h.status()).isNotEqualTo(ProductHealthEvent.Status.FAILING));
            });
    assertThat(getJson("/quality/products/no.such-product", 404).path("error_code").asText())
        .isEqualTo("PRODUCT_UNKNOWN");
    assertThat(getJson("/quality/products/Not_A_Product", 400).path("error_code").asText())
        .isEqualTo("PRODUCT_ID_INVALID");
    assertThat(
            getJson("/health", 200).path("details").path("qualityStreams").path("status").asText())
        .isEqualTo("UP");
  }

  @Test
  @Order(2)
  void restartedInstanceNeitherRepeatsNorForgetsOpenAlerts() throws Exception {
    assertThat(statuses(alerts(invoices), "freshness")).containsExactly(Status.FIRING);
    String registryUrl =
        quality.getProperty("mesh.quality.registry-url", String.class).orElseThrow();
    quality.close();
    // an empty state directory: the open alerts come back from the changelog topics
    startQuality(registryUrl, TestDirs.create("quality-it-restarted"));
    Thread.sleep(5_000); // several freshness checks while invoices stay stale
    assertThat(statuses(alerts(invoices), "freshness")).containsExactly(Status.FIRING);

    invoice("i2", Instant.now());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(statuses(alerts(invoices), "freshness"))
                    .containsExactly(Status.FIRING, Status.RESOLVED));
  }

  private void order(String id, String email, long secondsAfterBase) {
    order(id, email, base.plusSeconds(secondsAfterBase));
  }

  private void order(String id, String email, Instant eventTime) {
    GenericRecord value = new GenericData.Record(ordersContract.valueSchema());
    value.put("orderId", id);
    value.put("email", email);
    value.put("status", "NEW");
    certified(ordersContract, id, value, eventTime);
  }

  private void invoice(String id, Instant eventTime) {
    GenericRecord value = new GenericData.Record(invoicesContract.valueSchema());
    value.put("invoiceId", id);
    value.put("orderId", "o-" + id);
    certified(invoicesContract, id, value, eventTime);
    producer.flush();
  }

  private void certified(DataContract contract, String key, GenericRecord value, Instant time) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("mesh.contract.id", bytes(contract.contractId()));
    headers.add("mesh.contract.version", bytes(contract.version().toString()));
    headers.add("mesh.certified.at", bytes(time.plusSeconds(1).toString()));
    producer.send(
        new ProducerRecord<>(
            contract.topics().certified(), null, time.toEpochMilli(), key, value, headers));
  }

  private void deadLetter(long secondsAfterBase) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("mesh.error.code", bytes("RECORD_PATTERN_MISMATCH"));
    try (KafkaProducer<byte[], byte[]> raw = KafkaTestClients.producer(kafka)) {
      raw.send(
              new ProducerRecord<>(
                  ordersContract.topics().deadLetter(),
                  null,
                  base.plusSeconds(secondsAfterBase).toEpochMilli(),
                  bytes("bad"),
                  bytes("not avro"),
                  headers))
          .get();
    }
  }

  private void stats() throws Exception {
    GatewayStatsEvent event =
        new GatewayStatsEvent(
            orders,
            "gw-1",
            base,
            base.plusSeconds(400),
            16,
            1600,
            1,
            Map.of(),
            base.plusSeconds(400));
    try (KafkaProducer<byte[], byte[]> raw = KafkaTestClients.producer(kafka)) {
      raw.send(new ProducerRecord<>(statsTopic, bytes(orders), MeshJson.write(event))).get();
    }
  }

  private List<QualityAlertEvent> alerts(String productId) {
    return read(alertsTopic, QualityAlertEvent.class).stream()
        .filter(a -> a.productId().equals(productId))
        .toList();
  }

  private static List<Status> statuses(List<QualityAlertEvent> alerts, String check) {
    return alerts.stream()
        .filter(a -> a.check().equals(check))
        .map(QualityAlertEvent::status)
        .toList();
  }

  private <T> List<T> read(String topic, Class<T> type) {
    return KafkaTestClients.readToEnd(kafka, topic, Duration.ofSeconds(60)).stream()
        .map(r -> MeshJson.read(r.value(), type))
        .toList();
  }

  private JsonNode getJson(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(qualityUrl + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static DataContract contract(String name, Map<String, String> replacements)
      throws IOException {
    try (InputStream in =
        QualityServiceIT.class.getResourceAsStream("/contracts/" + name + ".yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      ContractLoadResult result = ContractLoader.create().load(text);
      return result
          .contract()
          .orElseThrow(() -> new IllegalStateException(result.violations().toString()));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
