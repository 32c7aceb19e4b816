package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mesh dev --secure}: a SASL broker with ACLs, every service healthy under its own
 * principal, credentials in an owner-only file and never on the console, registry writes need a
 * domain's token.
 */
class DevSecureIT {

  @Test
  void secureDevRunsEveryServiceAsItsOwnPrincipalAndKeepsCredentialsOffTheConsole(@TempDir Path dir)
      throws Exception {
    Path dataDir = dir.resolve("kafka");
    try (MeshProcess mesh =
        MeshProcess.start(
            "dev",
            "--secure",
            "--kafka-port",
            "0",
            "--random-ports",
            "--data-dir",
            dataDir.toString())) {
      mesh.awaitLine(l -> l.contains("Data Product Mesh is running"), Duration.ofSeconds(150));
      HttpClient http = HttpClient.newHttpClient();
      String registry = mesh.awaitHealthyServices(http).get(MeshService.REGISTRY).toString();

      Path credentials = dir.resolve("secure-dev.properties");
      assertThat(Files.getPosixFilePermissions(credentials))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      Properties secrets = new Properties();
      try (Reader in = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
        secrets.load(in);
      }
      String ordersToken = secrets.getProperty("token.orders");
      assertThat(ordersToken).isNotBlank();
      assertThat(secrets.getProperty("orders.sasl.jaas.config")).contains("username=\"orders\"");

      String contract;
      try (InputStream in =
          DevSecureIT.class.getResourceAsStream("/examples/orders.order-placed.odcs.yaml")) {
        contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(post(http, registry + "contracts", contract, null).statusCode()).isEqualTo(401);
      HttpResponse<String> registered = post(http, registry + "contracts", contract, ordersToken);
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

      mesh.terminate(Duration.ofSeconds(60));
      assertThat(mesh.output())
          .contains("stopped Kafka broker", "secure-dev.properties")
          .doesNotContain(ordersToken)
          .doesNotContain(secrets.getProperty("token.council"));
    }
  }

  private static HttpResponse<String> post(HttpClient http, String url, String yaml, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
