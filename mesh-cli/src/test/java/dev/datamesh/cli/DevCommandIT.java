package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mesh dev} brings up the broker and every service in one JVM and stops cleanly. */
class DevCommandIT {
  private static final String README_ORDER =
      """
      {"orderId": "ORD-90000001", "customerId": "cust-12345", "customerEmail": "jane@example.com",
       "orderTotal": 42.50, "currency": "EUR", "itemCount": 2, "channel": "WEB",
       "shippingAddress": {"city": "Lyon", "postalCode": "69001", "country": "FR"},
       "placedAt": "2026-11-21T10:15:30Z"}
      """;

  @Test
  void meshDevStartsEveryServiceWithAHealthyKafkaConnection(@TempDir Path dataDir)
      throws Exception {
    try (MeshProcess mesh =
        MeshProcess.start(
            "dev", "--kafka-port", "0", "--random-ports", "--data-dir", dataDir.toString())) {
      mesh.awaitLine(l -> l.contains("Data Product Mesh is running"), Duration.ofSeconds(120));
      HttpClient http = HttpClient.newHttpClient();
      for (URI home : mesh.awaitHealthyServices(http).values()) {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(home.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).as(home.toString()).contains("\"kafka\"");
      }
      // The README's ingest example works with the dev defaults (no token needed locally).
      String gateway =
          mesh.awaitLine(l -> l.trim().startsWith("gateway "), Duration.ofSeconds(5))
              .trim()
              .split("\\s+")[1]
              .replace("/health", "");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                HttpResponse<String> created =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create(gateway + "/products/orders.order-placed/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(README_ORDER))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
              });
      mesh.terminate(Duration.ofSeconds(60));
      assertThat(mesh.output())
          .contains("stopped lineage", "stopped registry", "stopped Kafka broker")
          .doesNotContain("Exception");
    }
  }
}
