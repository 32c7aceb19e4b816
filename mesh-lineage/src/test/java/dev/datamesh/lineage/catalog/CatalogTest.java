package dev.datamesh.lineage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.lineage.TestContracts;
import dev.datamesh.lineage.discovery.ConsumerGroup;
import dev.datamesh.lineage.freshness.Freshness;
import dev.datamesh.lineage.openlineage.KafkaNamespace;
import dev.datamesh.lineage.openlineage.LineageEvents;
import dev.datamesh.lineage.openlineage.MetadataRecord;
import dev.datamesh.topics.GatewayStatsEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private final LineageEvents events =
      LineageEvents.create(
          URI.create("https://example.org/lineage"), new KafkaNamespace("k", 9092), "mesh");
  private final Catalog catalog = Catalog.create(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void productsAreFoundByTextDomainOwnerTagAndStatus() {
    register("orders.placed", List.of());
    register("payments.settled", List.of());
    freshness("payments.settled", NOW.minusSeconds(3600));

    assertThat(ids(query("placed", null, null, null, null))).containsExactly("orders.placed");
    assertThat(ids(query(null, "payments", null, null, null))).containsExactly("payments.settled");
    assertThat(ids(query(null, null, "ORDERS-team", null, null))).containsExactly("orders.placed");
    assertThat(ids(query(null, null, null, "demo", null)))
        .containsExactly("orders.placed", "payments.settled");
    assertThat(ids(query(null, null, null, null, ProductStatus.STALE)))
        .containsExactly("payments.settled");
    assertThat(ids(query("nothing-like-this", null, null, null, null))).isEmpty();
  }

  @Test
  void gatewayRunsAddUpToCountsAndAQualityScore() {
    register("orders.placed", List.of());
    apply(events.gatewayRun(stats("orders.placed", 90, 5), true));
    apply(events.gatewayRun(stats("orders.placed", 10, 5), false));

    ProductSummary summary = catalog.product("orders.placed").orElseThrow().summary();
    assertThat(summary.certified()).isEqualTo(100);
    assertThat(summary.deadLettered()).isEqualTo(10);
    assertThat(summary.qualityScore()).isEqualTo(90.9);
    assertThat(catalog.startedJobs()).contains("mesh-gateway.orders.placed");
  }

  @Test
  void healthFailingOutranksStaleAndOpenAlertsComeFromTheVerdict() {
    register("orders.placed", List.of());
    freshness("orders.placed", NOW.minusSeconds(3600));
    catalog.applyHealth(
        "orders.placed",
        bytes(
            "{\"productId\":\"orders.placed\",\"status\":\"failing\",\"openAlerts\":[{\"check\":"
                + "\"freshness\",\"severity\":\"error\",\"observed\":\"PT1H\"}]}"));

    ProductDetail detail = catalog.product("orders.placed").orElseThrow();
    assertThat(detail.summary().status()).isEqualTo("failing");
    assertThat(detail.openAlerts())
        .extracting(ProductDetail.AlertView::check)
        .containsExactly("freshness");

    catalog.applyHealth("orders.placed", null);
    assertThat(catalog.product("orders.placed").orElseThrow().summary().status())
        .isEqualTo("stale");
  }

  @Test
  void declaredInputsAndDiscoveredConsumersFormTheGraph() {
    register("orders.placed", List.of());
    register("analytics.revenue", List.of("orders.placed", "payments.unknown"));
    catalog.applyConsumers(
        List.of(
            new ConsumerGroup(
                "bi-dashboard",
                "Stable",
                1,
                List.of(new ConsumerGroup.TopicLag("analytics.revenue.certified", 5, 7, 2)))));

    LineageGraph all = catalog.graph();
    assertThat(all.edges())
        .contains(
            new GraphEdge("orders.placed", "analytics.revenue", "feeds"),
            new GraphEdge("payments.unknown", "analytics.revenue", "feeds"),
            new GraphEdge("analytics.revenue", "group:bi-dashboard", "consumes"));
    assertThat(all.nodes())
        .filteredOn(n -> n.id().equals("payments.unknown"))
        .extracting(GraphNode::kind)
        .containsExactly("external");

    LineageGraph around = catalog.productGraph("orders.placed").orElseThrow();
    assertThat(around.nodes())
        .extracting(GraphNode::id)
        .contains(
            "orders.placed", "analytics.revenue", "group:bi-dashboard", "topic:orders.placed.raw")
        .doesNotContain("payments.unknown");
    assertThat(catalog.consumers("analytics.revenue").orElseThrow())
        .containsExactly(new ConsumerView("bi-dashboard", "Stable", 1, 5, 2));
    assertThat(catalog.product("orders.placed").orElseThrow().downstream())
        .containsExactly("analytics.revenue");
  }

  @Test
  void approvedSubscribersAppearInTheGraphUntilTheRegistryDropsThem() {
    register("orders.placed", List.of());
    catalog.applySubscriptions(
        List.of(
            new Subscriber("orders.placed", "analytics", "User:analytics"),
            new Subscriber("unknown.product", "analytics", "User:analytics")));

    LineageGraph around = catalog.productGraph("orders.placed").orElseThrow();
    assertThat(around.edges())
        .contains(new GraphEdge("orders.placed", "subscriber:analytics", "subscribed"));
    assertThat(around.nodes())
        .filteredOn(n -> n.id().equals("subscriber:analytics"))
        .extracting(GraphNode::kind)
        .containsExactly("subscriber");

    catalog.applySubscriptions(List.of());
    assertThat(catalog.graph().nodes())
        .extracting(GraphNode::id)
        .doesNotContain("subscriber:analytics");
  }

  @Test
  void aDroppedProductLeavesTheCatalogAndForeignRecordsAreIgnored() {
    register("orders.placed", List.of());
    events.droppedDatasets("orders.placed", NOW).forEach(this::apply);
    catalog.applyMetadata(bytes("not json"));
    catalog.applyMetadata(bytes("{\"eventTime\":\"x\"}"));
    catalog.applyAlert(bytes("{\"status\":\"FIRING\"}"));

    assertThat(catalog.product("orders.placed")).isEmpty();
    assertThat(catalog.search(ProductQuery.all())).isEmpty();
    assertThat(catalog.ignoredRecords()).isEqualTo(3);
  }

  @Test
  void versionsAreKeptInOrderAndTheLatestContractWins() {
    apply(
        events.contractDatasets(
            TestContracts.registered("orders.placed"), LineageEvents.Change.CREATE, NOW));
    apply(
        events.contractDatasets(
            TestContracts.registered("orders.placed", "1.1.0", "15m", List.of()),
            LineageEvents.Change.ALTER,
            NOW.plusSeconds(60)));

    ProductDetail detail = catalog.product("orders.placed").orElseThrow();
    assertThat(detail.versions())
        .extracting(ProductDetail.VersionView::version)
        .containsExactly("1.0.0", "1.1.0");
    assertThat(detail.schema()).extracting(ProductDetail.FieldView::name).contains("note");
    assertThat(detail.schema())
        .filteredOn(f -> f.name().equals("email"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.classification()).isEqualTo("pii");
              assertThat(f.masking()).isEqualTo("hash");
              assertThat(f.type()).isEqualTo("string");
              assertThat(f.required()).isFalse();
            });
    assertThat(catalog.publishedVersion("orders.placed")).contains("1.1.0");
  }

  private void register(String product, List<String> upstream) {
    apply(
        events.contractDatasets(
            TestContracts.registered(product, "1.0.0", "15m", upstream),
            LineageEvents.Change.CREATE,
            NOW));
  }

  private void freshness(String product, Instant newest) {
    apply(
        events.freshness(
            Freshness.evaluate(
                product, Optional.of(newest), Optional.of(Duration.ofMinutes(15)), NOW, NOW)));
  }

  private static GatewayStatsEvent stats(String product, long certified, long dead) {
    return new GatewayStatsEvent(
        product, "gw", NOW.minusSeconds(10), NOW, certified, certified * 10, dead, Map.of(), NOW);
  }

  private void apply(List<MetadataRecord> records) {
    records.forEach(this::apply);
  }

  private void apply(MetadataRecord record) {
    catalog.applyMetadata(bytes(record.json()));
  }

  private List<String> ids(List<ProductSummary> products) {
    return products.stream().map(ProductSummary::productId).toList();
  }

  private List<ProductSummary> query(
      String q, String domain, String owner, String tag, ProductStatus status) {
    return catalog.search(
        new ProductQuery(
            Optional.ofNullable(q),
            Optional.ofNullable(domain),
            Optional.ofNullable(owner),
            Optional.ofNullable(tag),
            Optional.ofNullable(status)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
