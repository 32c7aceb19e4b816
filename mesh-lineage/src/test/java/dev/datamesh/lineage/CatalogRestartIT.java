package dev.datamesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog is state in memory only: a restarted service rebuilds it from the topics. */
class CatalogRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(45);

  @Test
  void aRestartedServiceRebuildsTheCatalogFromTheTopicsAndPublishesNothingTwice() throws Exception {
    LineageFixture fixture = new LineageFixture(TestKafka.shared());
    String upstream = TestTopics.uniqueProduct("orders", "placed");
    String derived = TestTopics.uniqueProduct("analytics", "revenue");
    JsonNode before;
    try (FakeRegistry registry = new FakeRegistry()) {
      registry.register(TestContracts.registered(upstream));
      registry.register(TestContracts.registered(upstream, "1.1.0", "15m", List.of()));
      registry.register(TestContracts.registered(derived, "1.0.0", "1h", List.of(upstream)));
      try (TestServices.RunningService service = fixture.start(registry.url())) {
        Instant now = Instant.now();
        fixture.sendStats(
            new GatewayStatsEvent(
                upstream, "gw", now.minusSeconds(5), now, 9, 90, 1, Map.of(), now));
        before =
            awaitProduct(
                service.url(),
                upstream,
                d ->
                    d.path("summary").path("certified").asLong() == 9
                        && d.path("summary")
                            .path("freshness")
                            .path("status")
                            .asText()
                            .equals("fresh"));
        awaitProduct(service.url(), derived, d -> d.path("upstream").size() == 1);
      }
    }
    int datasetEventsBefore;
    try (MetadataTap tap = new MetadataTap(fixture.kafka, fixture.metadata)) {
      datasetEventsBefore =
          tap.awaitEvents(
                  e -> e.node().path("dataset").path("facets").has("mesh_contract"), 6, WAIT)
              .size();
    }

    // The registry is gone: everything the catalog shows now comes from the topics.
    try (TestServices.RunningService restarted = fixture.start("http://127.0.0.1:9")) {
      JsonNode after =
          awaitProduct(
              restarted.url(), upstream, d -> d.path("summary").path("certified").asLong() == 9);
      assertThat(after.path("versions")).isEqualTo(before.path("versions"));
      assertThat(after.path("schema")).isEqualTo(before.path("schema"));
      assertThat(after.path("summary").path("owner"))
          .isEqualTo(before.path("summary").path("owner"));
      assertThat(after.path("summary").path("deadLettered").asLong()).isEqualTo(1);
      assertThat(after.path("summary").path("freshness").path("newestEventTime"))
          .isEqualTo(before.path("summary").path("freshness").path("newestEventTime"));
      JsonNode graph = json(restarted.url() + "/api/products/" + derived + "/lineage");
      assertThat(graph.path("edges"))
          .anySatisfy(
              e -> {
                assertThat(e.path("source").asText()).isEqualTo(upstream);
                assertThat(e.path("target").asText()).isEqualTo(derived);
              });
    }

    // Back with the registry: the same versions are not published again.
    try (FakeRegistry registry = new FakeRegistry()) {
      registry.register(TestContracts.registered(upstream, "1.1.0", "15m", List.of()));
      registry.register(TestContracts.registered(derived, "1.0.0", "1h", List.of(upstream)));
      try (TestServices.RunningService again = fixture.start(registry.url());
          MetadataTap tap = new MetadataTap(fixture.kafka, fixture.metadata)) {
        awaitProduct(again.url(), upstream, d -> d.path("summary").path("certified").asLong() == 9);
        Thread.sleep(2_000); // several registry polls
        assertThat(tap.all(e -> e.node().path("dataset").path("facets").has("mesh_contract")))
            .hasSize(datasetEventsBefore);
      }
    }
  }

  private static JsonNode awaitProduct(
      String url, String product, java.util.function.Predicate<JsonNode> until) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = json(url + "/api/products/" + product);
              return until.test(last[0]);
            });
    return last[0];
  }

  private static JsonNode json(String url) throws Exception {
    return JSON.readTree(LineageFixture.get(url).body());
  }
}
