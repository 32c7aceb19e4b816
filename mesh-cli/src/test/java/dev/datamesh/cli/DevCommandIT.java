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

  @Test
  void meshDevStartsEveryServiceWithAHealthyKafkaConnection(@TempDir Path dataDir)
      throws Exception {
    try (MeshProcess mesh =
        MeshProcess.start(
            "dev", "--kafka-port", "0", "--random-ports", "--data-dir", dataDir.toString())) {
      mesh.awaitLine(l -> l.contains("Data Product Mesh is running"), Duration.ofSeconds(120));
      HttpClient http = HttpClient.newHttpClient();
      for (MeshService service : MeshService.values()) {
        String line =
            mesh.awaitLine(
                l -> l.trim().startsWith(service.environment() + " "), Duration.ofSeconds(5));
        URI base = URI.create(line.trim().split("\\s+")[1]).resolve("/health");
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  HttpResponse<String> health =
                      http.send(
                          HttpRequest.newBuilder(base).build(),
                          HttpResponse.BodyHandlers.ofString());
                  assertThat(health.statusCode()).as(service.environment()).isEqualTo(200);
                  assertThat(health.body()).contains("\"status\":\"UP\"", "\"kafka\"");
                });
      }
      mesh.terminate(Duration.ofSeconds(60));
      assertThat(mesh.output())
          .contains("stopped lineage", "stopped registry", "stopped Kafka broker")
          .doesNotContain("Exception");
    }
  }
}
