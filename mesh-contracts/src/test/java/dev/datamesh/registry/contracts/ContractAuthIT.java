package dev.datamesh.registry.contracts;

import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.TestContracts;
import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may write contracts and policies: domain and council tokens; reads stay open. */
@MicronautTest(environments = "registry")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractAuthIT implements TestPropertyProvider {
  private static final String COUNCIL = "council-secret";
  private static final String ORDERS = "orders-secret";
  private static final String PAYMENTS = "payments-secret";

  @Inject EmbeddedServer server;
  private ContractHttp anonymous;
  private ContractHttp council;
  private ContractHttp orders;
  private ContractHttp payments;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "kafka.bootstrap.servers",
        TestKafka.shared().bootstrapServers(),
        "mesh.registry.store.topic",
        TestTopics.unique("mesh-contracts-contracts-auth"),
        "micronaut.server.port",
        "-1",
        "mesh.registry.auth.enabled",
        "true",
        "mesh.registry.auth.council-token",
        COUNCIL,
        "mesh.registry.auth.domains.orders",
        ORDERS,
        "mesh.registry.auth.domains.payments",
        PAYMENTS);
  }

  @BeforeAll
  void clients() {
    anonymous = new ContractHttp(new RegistryHttp("http://localhost:" + server.getPort()));
    council = anonymous.withAuthorization("Bearer " + COUNCIL);
    orders = anonymous.withAuthorization("Bearer " + ORDERS);
    payments = anonymous.withAuthorization("Bearer " + PAYMENTS);
  }

  private static String ordersContract() {
    return yaml(example("orders.order-placed", TestTopics.uniqueProduct("orders", "order-placed")));
  }

  @Test
  void writingAContractNeedsAKnownToken() {
    Reply none = anonymous.postYaml(ordersContract());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo(401);
    Reply unknown = anonymous.withAuthorization("Bearer guess").postYaml(ordersContract());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).doesNotContain("guess");
    Reply invalidButAnonymous =
        anonymous.postYaml(TestContracts.resource("/contracts/bad-contract.odcs.yaml"));
    assertThat(invalidButAnonymous.status()).as("the token is checked first").isEqualTo(401);
  }

  @Test
  void onlyTheOwningDomainOrTheCouncilWritesAContract() {
    String contract = ordersContract();
    Reply foreign = payments.postYaml(contract);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.errorCode()).isEqualTo(40301);
    assertThat(foreign.message()).contains("payments").contains("orders");
    Reply own = orders.postYaml(contract);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    String productId = own.json().path("productId").asText();
    assertThat(council.postYaml(ordersContract()).status()).isEqualTo(200);

    assertThat(anonymous.get("/contracts/" + productId).status())
        .as("reads are open")
        .isEqualTo(200);
    assertThat(anonymous.get("/contracts").status()).isEqualTo(200);
    assertThat(anonymous.get("/policies").status()).isEqualTo(200);
    assertThat(
            anonymous
                .post("/contracts/check", contract, ContractHttp.YAML)
                .json()
                .path("valid")
                .asBoolean())
        .as("the dry run is a read (the version exists identically)")
        .isTrue();
  }

  @Test
  void onlyTheCouncilReplacesPoliciesAndBadFilesChangeNothing() {
    String file =
        TestContracts.resource("/governance/default-policies.yaml")
            .replace("version: 1.0.0", "version: 1.0.1");
    assertThat(anonymous.put("/policies", file, ContractHttp.YAML).status()).isEqualTo(401);
    Reply domain = orders.put("/policies", file, ContractHttp.YAML);
    assertThat(domain.status()).isEqualTo(403);
    assertThat(domain.errorCode()).isEqualTo(40301);

    Reply invalid =
        council.put("/policies", file.replace("ownerRequired:", "ownerWanted:"), ContractHttp.YAML);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42261);
    assertThat(invalid.json().path("violations").get(0).path("code").asText())
        .isEqualTo("POLICY_FILE_INVALID");

    Reply malformed = council.put("/policies", "rules: [", ContractHttp.YAML);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(40060);

    Reply notNewer =
        council.put(
            "/policies",
            TestContracts.resource("/governance/default-policies.yaml"),
            ContractHttp.YAML);
    assertThat(notNewer.status()).isEqualTo(409);
    assertThat(notNewer.errorCode()).isEqualTo(40962);

    assertThat(anonymous.get("/policies").json().path("version").asText()).isEqualTo("1.0.0");
  }
}
