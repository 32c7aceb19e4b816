package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.testing.KafkaTestClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * {@code mesh dev} in-process, as a newcomer sees it: demo traffic certified for every product, bad
 * demo records dead-lettered with reasons, the silent product's freshness alert, lineage events on
 * {@code mesh.metadata}, and the catalog listing every product with its lineage.
 */
class DevMeshIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration BOUND = Duration.ofSeconds(150);
  private final DevMeshFixture dev = DevMeshFixture.get();

  @Test
  void everyDemoProductGetsCertifiedRecords() {
    for (String product : DemoDomains.PRODUCTS) {
      await()
          .atMost(BOUND)
          .untilAsserted(
              () ->
                  assertThat(read(product + ".certified", 1, Duration.ofSeconds(3)))
                      .as(product + ".certified")
                      .isNotEmpty());
    }
  }

  @Test
  void badDemoRecordsAreDeadLetteredWithTheirReasons() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              List<ConsumerRecord<byte[], byte[]>> dead =
                  new ArrayList<>(read("orders.order-placed.dlq", 1_000, Duration.ofSeconds(3)));
              dead.addAll(read("payments.transaction.dlq", 1_000, Duration.ofSeconds(3)));
              assertThat(dead).isNotEmpty();
              assertThat(dead)
                  .allSatisfy(
                      r -> {
                        assertThat(header(r, "mesh.error.code")).isNotBlank();
                        assertThat(header(r, "mesh.error.reason")).isNotBlank();
                      });
              // The demo sends three kinds of bad records; at least two have shown up by now.
              assertThat(dead.stream().map(r -> header(r, "mesh.error.code")).distinct())
                  .hasSizeGreaterThanOrEqualTo(2)
                  .isSubsetOf(
                      "UNDECODABLE_PAYLOAD",
                      "BAD_MAGIC_BYTE",
                      "UNKNOWN_SCHEMA_ID",
                      "RULE_VIOLATION");
            });
  }

  @Test
  void theSilentProductRaisesAFiringFreshnessAlert() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              List<JsonNode> alerts =
                  json(read("mesh.quality.alerts", 10_000, Duration.ofSeconds(3)));
              assertThat(alerts)
                  .anySatisfy(
                      a -> {
                        assertThat(a.path("productId").asText())
                            .isEqualTo(DemoDomains.SILENT_PRODUCT);
                        assertThat(a.path("kind").asText()).isEqualTo("freshness");
                        assertThat(a.path("status").asText()).isEqualTo("FIRING");
                        assertThat(a.path("owner").asText()).isNotBlank();
                      });
            });
  }

  @Test
  void lineageEventsArriveOnTheMetadataTopic() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              List<JsonNode> events = json(read("mesh.metadata", 100_000, Duration.ofSeconds(3)));
              assertThat(events)
                  .anySatisfy(
                      e -> assertThat(e.path("schemaURL").asText()).endsWith("DatasetEvent"))
                  .anySatisfy(
                      e -> {
                        assertThat(e.path("schemaURL").asText()).endsWith("RunEvent");
                        assertThat(e.path("job").path("name").asText()).contains("gateway");
                        assertThat(e.path("inputs").toString()).contains(".raw");
                        assertThat(e.path("outputs").toString()).contains(".certified");
                      });
            });
  }

  @Test
  void theCatalogListsEveryProductWithItsLineage() {
    HttpClient http = HttpClient.newHttpClient();
    String catalog = dev.url(MeshService.LINEAGE);
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              JsonNode products = get(http, catalog + "/api/products");
              assertThat(
                      StreamSupport.stream(products.path("products").spliterator(), false)
                          .map(p -> p.path("productId").asText()))
                  .containsAll(DemoDomains.PRODUCTS);
              JsonNode lineage =
                  get(http, catalog + "/api/products/analytics.revenue-by-hour/lineage");
              assertThat(lineage.path("edges").toString())
                  .contains("orders.order-placed", "payments.transaction", "feeds");
            });
  }

  @Test
  void restartingOnDataWithOtherDemoContractsUsesTheRegisteredOnes() throws Exception {
    // The fixture registered the silent product with a 15 s SLA; a later start asks for 45 s.
    // Contract versions are immutable, so the demo must run on what is registered, not fail.
    try (DemoDomains again =
        DemoDomains.register(
            dev.url(MeshService.REGISTRY),
            dev.mesh.bootstrapServers(),
            Duration.ofMinutes(3),
            Duration.ofSeconds(45))) {
      assertThat(again).isNotNull();
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> read(String topic, int atMost, Duration time) {
    return KafkaTestClients.readAll(dev.kafka(), topic, atMost, time);
  }

  private static List<JsonNode> json(List<ConsumerRecord<byte[], byte[]>> records) {
    List<JsonNode> nodes = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        nodes.add(JSON.readTree(r.value()));
      } catch (IOException e) {
        throw new AssertionError("not JSON on " + r.topic(), e);
      }
    }
    return nodes;
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
