package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its wiring is checked statically: each
 * mesh container runs a real {@code mesh} command, the brokers form one quorum, every client
 * reaches every broker, and the services find the registry.
 */
class DockerComposeTest {
  private final JsonNode compose = load();

  private static JsonNode load() {
    // SnakeYAML, not Jackson's YAML reader: compose files rely on merge keys (<<: *anchor).
    try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
      Object yaml = new Yaml().load(reader);
      return new ObjectMapper().valueToTree(yaml);
    } catch (IOException e) {
      throw new AssertionError("cannot read docker-compose.yml at the repository root", e);
    }
  }

  @Test
  void everyMeshServiceRunsItsOwnMeshCommand() {
    for (MeshService service : MeshService.values()) {
      JsonNode container = compose.path("services").path(service.environment());
      assertThat(container.path("command").get(0).asText()).isEqualTo(service.environment());
      assertThat(MeshMain.newCommandLine().getSubcommands()).containsKey(service.environment());
      assertThat(container.path("ports").get(0).asText())
          .isEqualTo(service.defaultPort() + ":" + service.defaultPort());
      JsonNode env = container.path("environment");
      assertThat(env.path("MESH_REGISTRY_URL").asText()).isEqualTo("http://registry:8081");
      assertThat(env.path("KAFKA_BOOTSTRAP_SERVERS").asText().split(","))
          .containsExactlyInAnyOrderElementsOf(brokers().stream().map(b -> b + ":19092").toList());
    }
  }

  @Test
  void theThreeBrokersFormOneQuorumWithReplicatedInternalTopics() {
    List<String> brokers = brokers();
    assertThat(brokers).hasSize(3);
    List<String> voters = new ArrayList<>();
    for (String broker : brokers) {
      JsonNode env = compose.path("services").path(broker).path("environment");
      voters.add(env.path("KAFKA_NODE_ID").asText() + "@" + broker + ":9091");
    }
    assertThat(voters).doesNotHaveDuplicates();
    for (String broker : brokers) {
      JsonNode env = compose.path("services").path(broker).path("environment");
      assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().split(","))
          .as(broker)
          .containsExactlyInAnyOrderElementsOf(voters);
      assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText()).contains(broker + ":19092");
      assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
    }
  }

  private List<String> brokers() {
    List<String> brokers = new ArrayList<>();
    compose
        .path("services")
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (n.startsWith("kafka-")) {
                brokers.add(n);
              }
            });
    return brokers;
  }
}
