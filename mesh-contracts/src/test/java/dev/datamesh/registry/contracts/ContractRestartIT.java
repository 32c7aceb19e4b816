package dev.datamesh.registry.contracts;

import static dev.datamesh.registry.contracts.ContractDocs.addProperty;
import static dev.datamesh.registry.contracts.ContractDocs.changed;
import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts and the council's policies live in the log: a new registry on the same log topic serves
 * them unchanged, and the replaced policies apply to every later registration.
 */
@ExtendWith(TestKafkaExtension.class)
class ContractRestartIT {
  private static final String COUNCIL = "council-secret";

  private record Instance(ApplicationContext context, ContractHttp http) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  private static Instance start(TestKafka kafka, String topic, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    props.put("mesh.registry.store.topic", topic);
    props.put("micronaut.server.port", -1);
    props.put("mesh.registry.auth.enabled", true);
    props.put("mesh.registry.auth.council-token", COUNCIL);
    ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments("registry")
            .properties(props)
            .start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    return new Instance(
        context,
        new ContractHttp(
            new RegistryHttp("http://localhost:" + server.getPort(), "Bearer " + COUNCIL)));
  }

  @Test
  void contractsAndPoliciesSurviveARestartAndNewPoliciesApply(TestKafka kafka, @TempDir Path dir)
      throws Exception {
    String topic = TestTopics.unique("mesh-contracts-contracts-restart");
    String productId = TestTopics.uniqueProduct("orders", "order-placed");
    ObjectNode v1 = example("orders.order-placed", productId);
    ObjectNode v11 =
        changed(
            v1,
            d -> {
              d.put("version", "1.1.0");
              addProperty(
                  d,
                  "{name: giftNote, logicalType: string, required: false, description: A note.}");
            });
    List<JsonNode> before = new ArrayList<>();
    String stricter =
        TestContracts.resource("/governance/default-policies.yaml")
            .replace("version: 1.0.0", "version: 2.0.0")
            .replace(
                "  ownerRequired:\n    enabled: true",
                "  ownerRequired:\n    enabled: true\n    requiredMemberRole: steward");
    assertThat(stricter).contains("requiredMemberRole: steward");

    try (Instance first = start(kafka, topic, Map.of())) {
      before.add(registered(first.http(), v1));
      before.add(registered(first.http(), v11));
      Reply replaced = first.http().put("/policies", stricter, ContractHttp.YAML);
      assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
      assertThat(replaced.json().path("version").asText()).isEqualTo("2.0.0");
      assertThat(replaced.json().path("source").asText()).isEqualTo("log");
      assertThat(
              replaced
                  .json()
                  .path("rules")
                  .path("ownerRequired")
                  .path("requiredMemberRole")
                  .asText())
          .isEqualTo("steward");
    }

    // The restarted registry reads an older policy file; the log's newer policies still win.
    Path olderFile = dir.resolve("policies.yaml");
    Files.writeString(
        olderFile,
        TestContracts.resource("/governance/default-policies.yaml")
            .replace("version: 1.0.0", "version: 1.5.0"),
        StandardCharsets.UTF_8);
    try (Instance second =
        start(kafka, topic, Map.of("mesh.registry.policies.file", olderFile.toString()))) {
      ContractHttp http = second.http();
      assertThat(http.get("/contracts/" + productId + "/versions").json().toString())
          .isEqualTo("[\"1.0.0\",\"1.1.0\"]");
      JsonNode latest = http.get("/contracts/" + productId).json();
      assertThat(latest.path("version").asText()).isEqualTo("1.1.0");
      assertThat(latest.path("registeredAt")).isEqualTo(before.get(1).path("registeredAt"));
      assertThat(latest.path("schemaId")).isEqualTo(before.get(1).path("schemaId"));
      assertThat(latest.path("document")).isEqualTo(before.get(1).path("document"));
      assertThat(http.get("/contracts/" + productId + "/versions/1.0.0").json().path("schemaId"))
          .isEqualTo(before.get(0).path("schemaId"));

      JsonNode policies = http.get("/policies").json();
      assertThat(policies.path("version").asText()).isEqualTo("2.0.0");
      assertThat(policies.path("updatedAt").asText()).isNotBlank();

      Reply again = http.postYaml(yaml(v11));
      assertThat(again.status()).as("an accepted version stays accepted").isEqualTo(200);
      assertThat(again.json().path("registeredAt")).isEqualTo(before.get(1).path("registeredAt"));

      Reply refused =
          http.postYaml(
              yaml(example("orders.order-placed", TestTopics.uniqueProduct("orders", "x"))));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo(42260);
      assertThat(refused.json().path("violations").toString())
          .contains("POLICY_OWNER_REQUIRED")
          .contains("steward");

      JsonNode check =
          http.post(
                  "/contracts/check",
                  yaml(changed(v11, d -> d.put("version", "1.2.0"))),
                  ContractHttp.YAML)
              .json();
      assertThat(check.path("valid").asBoolean()).isFalse();
      assertThat(check.path("policyVersion").asText()).isEqualTo("2.0.0");
    }
  }

  private static JsonNode registered(ContractHttp http, ObjectNode doc) {
    Reply reply = http.postYaml(yaml(doc));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }
}
