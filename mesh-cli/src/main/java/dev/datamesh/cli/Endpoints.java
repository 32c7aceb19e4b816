package dev.datamesh.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the operator commands find the mesh: one picocli mixin per service, so each command shows
 * only the options it uses. Defaults are the {@code mesh dev} ports, overridable by environment.
 */
final class Endpoints {
  private Endpoints() {}

  /** The registry's URL and a domain token. */
  static final class Registry {
    @Option(
        names = "--registry",
        paramLabel = "URL",
        defaultValue = "${env:MESH_REGISTRY_URL:-http://localhost:8081}",
        description = "Registry URL. Default: $MESH_REGISTRY_URL or http://localhost:8081.")
    String url;

    @Option(
        names = "--token",
        defaultValue = "${env:MESH_TOKEN}",
        description = "Bearer token of your domain. Default: $MESH_TOKEN.")
    String token;

    MeshHttp http() {
      return new MeshHttp("registry", url, token, "--registry");
    }

    /**
     * The product's topic in a role ({@code raw}, {@code certified}, {@code deadLetter}) as its
     * registered contract names it; an unknown product is a {@link CliFailure}.
     */
    String topicOf(String productId, String role) {
      String topic =
          http()
              .getOk("/contracts/" + MeshHttp.segment(productId))
              .path("topics")
              .path(role)
              .asText("");
      if (topic.isEmpty()) {
        throw new CliFailure(
            "registry: the contract of " + productId + " names no " + role + " topic");
      }
      return topic;
    }
  }

  /** The gateway's URL and a domain token. */
  static final class Gateway {
    @Option(
        names = "--gateway",
        paramLabel = "URL",
        defaultValue = "${env:MESH_GATEWAY_URL:-http://localhost:8082}",
        description = "Gateway URL. Default: $MESH_GATEWAY_URL or http://localhost:8082.")
    String url;

    @Option(
        names = "--token",
        defaultValue = "${env:MESH_TOKEN}",
        description = "Bearer token of the product's domain. Default: $MESH_TOKEN.")
    String token;

    MeshHttp http() {
      return new MeshHttp("gateway", url, token, "--gateway");
    }
  }

  /** The lineage service's catalog API. */
  static final class Catalog {
    @Option(
        names = "--catalog",
        paramLabel = "URL",
        defaultValue = "${env:MESH_CATALOG_URL:-http://localhost:8080}",
        description =
            "Catalog (lineage service) URL. Default: $MESH_CATALOG_URL or ${DEFAULT-VALUE}.")
    String url;

    MeshHttp http() {
      return new MeshHttp("catalog", url, null, "--catalog");
    }
  }

  /** The Kafka cluster, with optional client settings (SASL, TLS) from a properties file. */
  static final class Kafka {
    @Option(
        names = {"-b", "--bootstrap-servers"},
        paramLabel = "HOST:PORT",
        defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
        description =
            "Kafka bootstrap servers. Default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092.")
    String bootstrapServers;

    @Option(
        names = "--command-config",
        paramLabel = "FILE",
        description =
            "Kafka client properties (security.protocol, sasl.*, ssl.*), as Kafka's tools.")
    Path commandConfig;

    /** Client properties: the file's, then the bootstrap servers. */
    Map<String, Object> clientProperties() {
      Map<String, Object> props = new HashMap<>();
      if (commandConfig != null) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(commandConfig)) {
          file.load(reader);
        } catch (IOException e) {
          throw new CliFailure("Cannot read " + commandConfig + ": " + e.getMessage());
        }
        file.forEach((k, v) -> props.put(k.toString(), v));
      }
      props.put("bootstrap.servers", bootstrapServers);
      return props;
    }
  }
}
