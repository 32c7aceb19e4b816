package dev.datamesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lineage service on a real broker, fed by a fake registry and hand-made input events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(45);

  private final OpenLineageSchemaValidator validator = new OpenLineageSchemaValidator();
  private LineageFixture fixture;
  private FakeRegistry registry;
  private TestServices.RunningService service;
  private MetadataTap tap;

  @BeforeAll
  void start() throws Exception {
    fixture = new LineageFixture(TestKafka.shared());
    registry = new FakeRegistry();
    service = fixture.start(registry.url());
    tap = new MetadataTap(fixture.kafka, fixture.metadata);
  }

  @AfterAll
  void stop() {
    tap.close();
    service.close();
    registry.close();
  }

  @Test
  void registeringAContractPublishesSchemaValidDatasetEventsAndEvolvingItAlters() throws Exception {
    String product = TestTopics.uniqueProduct("orders", "placed");
    registry.register(TestContracts.registered(product));

    List<MetadataTap.Event> created = tap.awaitEvents(e -> isContractEvent(e, product), 3, WAIT);
    assertThat(created)
        .extracting(MetadataTap.Event::key)
        .containsExactlyInAnyOrder(product + ".raw", product + ".certified", product + ".dlq");
    for (MetadataTap.Event e : created) {
      assertThat(validator.validate(e.json())).as(e.json()).isEmpty();
      assertThat(lifecycle(e)).isEqualTo("CREATE");
      assertThat(e.node().path("dataset").path("namespace").asText())
          .isEqualTo("kafka://" + fixture.kafka.bootstrapServers().split(",")[0]);
    }

    registry.register(TestContracts.registered(product, "1.1.0", "15m", List.of()));
    List<MetadataTap.Event> all = tap.awaitEvents(e -> isContractEvent(e, product), 6, WAIT);
    assertThat(all.subList(3, 6)).allSatisfy(e -> assertThat(lifecycle(e)).isEqualTo("ALTER"));
    JsonNode certified =
        all.stream()
            .filter(e -> e.key().equals(product + ".certified") && lifecycle(e).equals("ALTER"))
            .findFirst()
            .orElseThrow()
            .node();
    assertThat(certified.path("dataset").path("facets").path("schema").path("fields"))
        .extracting(f -> f.path("name").asText())
        .contains("note");

    JsonNode detail =
        pollApi(() -> apiJson("/api/products/" + product), d -> d.path("versions").size() == 2);
    assertThat(detail.path("versions"))
        .extracting(v -> v.path("version").asText())
        .containsExactly("1.0.0", "1.1.0");
    assertThat(detail.path("summary").path("owner").asText()).isEqualTo("orders-team");
    assertThat(detail.path("schema"))
        .extracting(f -> f.path("name").asText())
        .containsExactly("id", "email", "amount", "note", "at");
    assertThat(detail.path("sla").path("freshness").asText()).isEqualTo("PT15M");
  }

  @Test
  void gatewayStatsBecomeStreamingRunEventsWithInputsOutputsAndCounts() throws Exception {
    String product = TestTopics.uniqueProduct("payments", "settled");
    registry.register(TestContracts.registered(product));
    Instant t0 = Instant.now().minusSeconds(20);
    fixture.sendStats(
        new GatewayStatsEvent(
            product,
            "gw-a",
            t0,
            t0.plusSeconds(10),
            5,
            500,
            1,
            Map.of("RULE_VIOLATION", 1L),
            t0.plusSeconds(9)));
    fixture.sendStats(
        new GatewayStatsEvent(
            product,
            "gw-a",
            t0.plusSeconds(10),
            t0.plusSeconds(20),
            7,
            700,
            2,
            Map.of("RULE_VIOLATION", 2L),
            t0.plusSeconds(19)));

    List<MetadataTap.Event> runs =
        tap.awaitEvents(MetadataTap.runOf("mesh-gateway." + product), 2, WAIT);
    assertThat(runs)
        .extracting(e -> e.node().path("eventType").asText())
        .containsExactly("START", "RUNNING");
    for (MetadataTap.Event run : runs) {
      assertThat(validator.validate(run.json())).as(run.json()).isEmpty();
      assertThat(run.key()).isEqualTo("mesh-gateway." + product);
      assertThat(
              run.node().path("job").path("facets").path("jobType").path("processingType").asText())
          .isEqualTo("STREAMING");
      assertThat(run.node().path("inputs"))
          .extracting(i -> i.path("name").asText())
          .containsExactly(product + ".raw");
    }
    assertThat(runs.get(1).node().path("outputs"))
        .extracting(
            o ->
                o.path("name").asText()
                    + "="
                    + o.path("outputFacets").path("outputStatistics").path("rowCount").asLong())
        .containsExactly(product + ".certified=7", product + ".dlq=2");

    JsonNode summary =
        pollApi(
            () -> apiJson("/api/products/" + product),
            d -> d.path("summary").path("certified").asLong() == 12);
    assertThat(summary.path("summary").path("deadLettered").asLong()).isEqualTo(3);
    assertThat(summary.path("quality").path("score").asDouble()).isEqualTo(80.0);
  }

  @Test
  void aConsumerGroupReadingACertifiedTopicAppearsDownstreamWithoutRegistration() throws Exception {
    String product = TestTopics.uniqueProduct("catalog", "stock");
    String certified = product + ".certified";
    registry.register(TestContracts.registered(product));
    KafkaTestClients.createTopics(fixture.kafka, 1, certified);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(fixture.kafka)) {
      producer.send(new ProducerRecord<>(certified, new byte[] {1})).get();
      producer.send(new ProducerRecord<>(certified, new byte[] {2})).get();
    }
    String analytics = TestTopics.unique("analytics-app");
    String own = TestTopics.unique("mesh-gateway-redrive");
    consumeOne(certified, analytics);
    consumeOne(certified, own);

    JsonNode consumers =
        pollApi(
            () -> apiJson("/api/products/" + product + "/consumers"),
            c -> c.path("consumers").size() > 0);
    assertThat(consumers.path("consumers"))
        .extracting(c -> c.path("groupId").asText())
        .containsExactly(analytics);
    assertThat(consumers.path("consumers").get(0).path("lag").asLong()).isEqualTo(1);

    JsonNode graph = apiJson("/api/lineage");
    assertThat(graph.path("edges"))
        .anySatisfy(
            e -> {
              assertThat(e.path("source").asText()).isEqualTo(product);
              assertThat(e.path("target").asText()).isEqualTo("group:" + analytics);
              assertThat(e.path("kind").asText()).isEqualTo("consumes");
            });
    JsonNode productGraph = apiJson("/api/products/" + product + "/lineage");
    assertThat(productGraph.path("nodes"))
        .extracting(n -> n.path("id").asText())
        .contains(product, "topic:" + product + ".raw", "group:" + analytics)
        .doesNotContain("group:" + own);

    List<MetadataTap.Event> jobs =
        tap.awaitEvents(
            e ->
                e.node().has("job")
                    && !e.node().has("run")
                    && analytics.equals(e.node().path("job").path("name").asText()),
            1,
            WAIT);
    assertThat(validator.validate(jobs.get(0).json())).isEmpty();
  }

  @Test
  void aProductThatStopsProducingTurnsStaleInFreshnessEventsAndTheCatalog() throws Exception {
    String product = TestTopics.uniqueProduct("sensors", "readings");
    // 15 s, not less: on a loaded machine the first evaluation can come seconds after the stats,
    // and an SLA shorter than that delay would skip the "fresh" state this test must see.
    registry.register(TestContracts.registered(product, "1.0.0", "15s", List.of()));
    Instant now = Instant.now();
    fixture.sendStats(
        new GatewayStatsEvent(product, "gw", now.minusSeconds(1), now, 3, 30, 0, Map.of(), now));

    String certified = product + ".certified";
    tap.awaitEvents(e -> freshness(e, certified, "fresh"), 1, WAIT);
    JsonNode fresh =
        pollApi(
            () -> apiJson("/api/products/" + product),
            d -> d.path("summary").path("freshness").path("status").asText().equals("fresh"));
    assertThat(fresh.path("summary").path("status").asText()).isEqualTo("healthy");

    List<MetadataTap.Event> stale = tap.awaitEvents(e -> freshness(e, certified, "stale"), 1, WAIT);
    JsonNode facet = stale.get(0).node().path("dataset").path("facets").path("mesh_freshness");
    assertThat(facet.path("slaSeconds").asLong()).isEqualTo(15);
    assertThat(facet.path("ageSeconds").asLong()).isGreaterThanOrEqualTo(15);
    assertThat(facet.path("newestEventTime").asText()).isEqualTo(now.toString());
    assertThat(validator.validate(stale.get(0).json())).isEmpty();
    JsonNode detail =
        pollApi(
            () -> apiJson("/api/products/" + product),
            d -> d.path("summary").path("status").asText().equals("stale"));
    assertThat(detail.path("summary").path("freshness").path("status").asText()).isEqualTo("stale");
    assertThat(apiJson("/api/products?status=stale").path("products"))
        .extracting(p -> p.path("productId").asText())
        .contains(product);
  }

  @Test
  void qualityMetricsAlertsAndHealthReachTheLineageAndTheCatalog() throws Exception {
    String product = TestTopics.uniqueProduct("orders", "refunds");
    registry.register(TestContracts.registered(product));
    Instant end = Instant.now();
    fixture.send(
        fixture.metrics,
        product,
        "{\"productId\":\""
            + product
            + "\",\"windowStart\":\""
            + end.minusSeconds(300)
            + "\",\"windowEnd\":\""
            + end
            + "\",\"records\":40,\"deadLetters\":2,"
            + "\"nullCounts\":{\"/email\":4}}");
    fixture.send(
        fixture.alerts,
        product + "/completeness/email.nullValues",
        "{\"fingerprint\":\""
            + product
            + "/completeness/email.nullValues\",\"productId\":\""
            + product
            + "\",\"check\":\"completeness/email.nullValues\",\"severity\":\"warning\","
            + "\"status\":\"FIRING\",\"observed\":\"10%\",\"expected\":\"<= 5%\","
            + "\"summary\":\"too many empty emails\",\"at\":\""
            + end
            + "\"}");
    fixture.send(
        fixture.health,
        product,
        "{\"productId\":\""
            + product
            + "\",\"status\":\"degraded\",\"openAlerts\":[{"
            + "\"fingerprint\":\""
            + product
            + "/completeness/email.nullValues\","
            + "\"check\":\"completeness/email.nullValues\",\"severity\":\"warning\","
            + "\"observed\":\"10%\",\"expected\":\"<= 5%\"}],\"updatedAt\":\""
            + end
            + "\"}");

    List<MetadataTap.Event> runs =
        tap.awaitEvents(MetadataTap.runOf("mesh-quality." + product), 2, WAIT);
    for (MetadataTap.Event run : runs) {
      assertThat(validator.validate(run.json())).as(run.json()).isEmpty();
    }
    JsonNode facets = runs.get(0).node().path("inputs").get(0).path("inputFacets");
    assertThat(facets.path("dataQualityMetrics").path("rowCount").asLong()).isEqualTo(40);
    assertThat(
            facets
                .path("dataQualityMetrics")
                .path("columnMetrics")
                .path("email")
                .path("nullCount")
                .asLong())
        .isEqualTo(4);
    assertThat(
            runs.get(1)
                .node()
                .path("inputs")
                .get(0)
                .path("inputFacets")
                .path("dataQualityAssertions")
                .path("assertions")
                .get(0)
                .path("success")
                .asBoolean())
        .isFalse();

    JsonNode detail =
        pollApi(
            () -> apiJson("/api/products/" + product),
            d -> "degraded".equals(d.path("quality").path("health").asText()));
    assertThat(detail.path("openAlerts"))
        .extracting(a -> a.path("check").asText())
        .containsExactly("completeness/email.nullValues");
    assertThat(apiJson("/api/products?status=degraded&owner=orders-team").path("products"))
        .extracting(p -> p.path("productId").asText())
        .contains(product);
  }

  @Test
  void extraConsumerSettingsReachTheConsumerUnderTheirKafkaNames() throws Exception {
    assertThat(service.context().getBean(LineageConfig.class).consumer())
        .containsEntry("client.id", fixture.inputClientId());
    ObjectName consumerMetrics =
        new ObjectName("kafka.consumer:type=consumer-metrics,client-id=" + fixture.inputClientId());
    // the consumer is opened by the service's own thread once it has started
    await()
        .atMost(WAIT)
        .until(() -> ManagementFactory.getPlatformMBeanServer().isRegistered(consumerMetrics));
  }

  @Test
  void badRequestsGetAJsonErrorWithAStableCode() throws Exception {
    assertError("/api/products/Not_A_Product", 400, 40001);
    assertError("/api/products/nobody.knows-this", 404, 40401);
    assertError("/api/products/nobody.knows-this/lineage", 404, 40401);
    assertError("/api/products?status=sparkling", 400, 40002);
    assertError("/api/no-such-thing", 404, 40400);
  }

  @Test
  void theWebPageAndTheGraphLibraryAreServed() throws Exception {
    HttpResponse<String> page = LineageFixture.get(service.url() + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Data Product Mesh").doesNotContain("${cytoscape.version}");
    String script = page.body().replaceAll("(?s).*src=\"(/webjars/[^\"]+)\".*", "$1");
    assertThat(LineageFixture.get(service.url() + script).statusCode()).isEqualTo(200);
    assertThat(LineageFixture.get(service.url() + "/app.js").statusCode()).isEqualTo(200);
    assertThat(
            LineageFixture.get(service.url() + "/spec/facets/1-0-0/MeshFreshnessDatasetFacet.json")
                .statusCode())
        .isEqualTo(200);
  }

  private void assertError(String path, int status, int code) throws Exception {
    HttpResponse<String> response = LineageFixture.get(service.url() + path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
  }

  private void consumeOne(String topic, String group) {
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaTestClients.consumer(fixture.kafka, group)) {
      consumer.subscribe(Set.of(topic));
      await().atMost(WAIT).until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
      consumer.commitSync(
          Map.of(
              new org.apache.kafka.common.TopicPartition(topic, 0),
              new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)));
    }
  }

  private JsonNode apiJson(String path) throws Exception {
    HttpResponse<String> response = LineageFixture.get(service.url() + path);
    return JSON.readTree(response.body());
  }

  private interface Call {
    JsonNode get() throws Exception;
  }

  private static JsonNode pollApi(Call call, java.util.function.Predicate<JsonNode> until) {
    JsonNode[] last = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = call.get();
              return until.test(last[0]);
            });
    return last[0];
  }

  private static boolean isContractEvent(MetadataTap.Event e, String product) {
    return e.node().path("dataset").path("facets").has("mesh_contract")
        && e.node().path("dataset").path("name").asText().startsWith(product + ".");
  }

  private static String lifecycle(MetadataTap.Event e) {
    return e.node()
        .path("dataset")
        .path("facets")
        .path("lifecycleStateChange")
        .path("lifecycleStateChange")
        .asText();
  }

  private static boolean freshness(MetadataTap.Event e, String topic, String status) {
    return MetadataTap.datasetEvent(topic, "mesh_freshness").test(e)
        && status.equals(
            e.node().path("dataset").path("facets").path("mesh_freshness").path("status").asText());
  }
}
