package dev.datamesh.registry.auth;

import static dev.datamesh.registry.RegistryHttp.record;
import static dev.datamesh.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Write authorisation with council and domain tokens, and the governance hook, on a real broker.
 */
@MicronautTest(environments = "registry")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryAuthIT implements TestPropertyProvider {
  private static final String COUNCIL = "council-secret";
  private static final String ORDERS = "orders-secret";
  private static final String PAYMENTS = "payments-secret";

  @Inject EmbeddedServer server;
  private RegistryHttp anonymous;
  private RegistryHttp council;
  private RegistryHttp orders;
  private RegistryHttp payments;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "kafka.bootstrap.servers",
        TestKafka.shared().bootstrapServers(),
        "mesh.registry.store.topic",
        TestTopics.unique("mesh-contracts-auth"),
        "micronaut.server.port",
        "-1",
        "mesh.registry.auth.enabled",
        "true",
        "mesh.registry.auth.council-token",
        COUNCIL,
        "mesh.registry.auth.domains.orders",
        ORDERS,
        "mesh.registry.auth.domains.payments",
        PAYMENTS,
        "test.governance",
        "require-doc");
  }

  @BeforeAll
  void clients() {
    anonymous = new RegistryHttp("http://localhost:" + server.getPort());
    council = anonymous.withAuthorization("Bearer " + COUNCIL);
    orders = anonymous.withAuthorization("Bearer " + ORDERS);
    payments = anonymous.withAuthorization("Bearer " + PAYMENTS);
  }

  private static String documented(String name) {
    return "{\"type\":\"record\",\"name\":\""
        + name
        + "\",\"doc\":\"d\",\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"the id\"}]}";
  }

  @Test
  void writesWithoutAValidTokenAreUnauthorizedWhileReadsStayOpen() {
    String product = TestTopics.uniqueProduct("orders", "order-placed");
    String subject = product + ".raw-value";
    Reply none = anonymous.post("/subjects/" + subject + "/versions", schemaBody(documented("A")));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo(401);
    Reply wrong =
        anonymous
            .withAuthorization("Bearer not-a-token")
            .post("/subjects/" + subject + "/versions", schemaBody(documented("A")));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("not-a-token");
    assertThat(anonymous.withAuthorization("Basic !!!").delete("/subjects/" + subject).status())
        .isEqualTo(401);
    assertThat(anonymous.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").status())
        .isEqualTo(401);

    assertThat(
            orders.post("/subjects/" + subject + "/versions", schemaBody(documented("A"))).status())
        .isEqualTo(200);
    assertThat(anonymous.get("/subjects/" + subject + "/versions").status()).isEqualTo(200);
    assertThat(anonymous.post("/subjects/" + subject, schemaBody(documented("A"))).status())
        .as("lookup is a read")
        .isEqualTo(200);
    assertThat(
            anonymous
                .post(
                    "/compatibility/subjects/" + subject + "/versions/latest",
                    schemaBody(documented("A")))
                .status())
        .as("compatibility checks are reads")
        .isEqualTo(200);
  }

  @Test
  void domainTokensWriteOnlyTheirOwnDomainAndFreeSubjects() {
    String ordersSubject = TestTopics.uniqueProduct("orders", "shipped") + ".certified-value";
    String paymentsSubject = TestTopics.uniqueProduct("payments", "captured") + ".raw-value";
    Reply forbidden =
        orders.post("/subjects/" + paymentsSubject + "/versions", schemaBody(documented("P")));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.errorCode()).isEqualTo(40301);
    assertThat(forbidden.message()).contains("payments");
    assertThat(
            payments
                .post("/subjects/" + paymentsSubject + "/versions", schemaBody(documented("P")))
                .status())
        .isEqualTo(200);
    assertThat(payments.put("/config/" + ordersSubject, "{\"compatibility\":\"NONE\"}").status())
        .isEqualTo(403);
    assertThat(orders.put("/config/" + ordersSubject, "{\"compatibility\":\"NONE\"}").status())
        .isEqualTo(200);
    assertThat(payments.delete("/subjects/" + "orders." + TestTopics.unique("legacy")).status())
        .as("first segment names a domain")
        .isEqualTo(403);

    String free = TestTopics.unique("shared-thing") + "-value";
    assertThat(
            payments
                .post("/subjects/" + free + "/versions", schemaBody(record("Free", "a")))
                .status())
        .isEqualTo(200);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("orders:" + ORDERS).getBytes(StandardCharsets.UTF_8));
    assertThat(
            anonymous
                .withAuthorization(basic)
                .post("/subjects/" + free + "/versions", schemaBody(record("Free", "a")))
                .status())
        .as("basic auth with the token as password")
        .isEqualTo(200);
  }

  @Test
  void onlyTheCouncilChangesGlobalSettings() {
    assertThat(orders.put("/config", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(403);
    assertThat(orders.put("/mode", "{\"mode\":\"READONLY\"}").status()).isEqualTo(403);
    assertThat(anonymous.put("/mode", "{\"mode\":\"READONLY\"}").status()).isEqualTo(401);
    Reply put = council.put("/config", "{\"compatibility\":\"FULL\"}");
    try {
      assertThat(put.status()).isEqualTo(200);
      assertThat(anonymous.get("/config").json().path("compatibilityLevel").asText())
          .isEqualTo("FULL");
    } finally {
      assertThat(council.delete("/config").status()).isEqualTo(200);
    }
    String payments = TestTopics.uniqueProduct("payments", "refunded") + ".raw-value";
    assertThat(
            council
                .post("/subjects/" + payments + "/versions", schemaBody(documented("C")))
                .status())
        .isEqualTo(200);
  }

  @Test
  void governanceRefusesProductSchemasWithEveryViolationListed() {
    String subject = TestTopics.uniqueProduct("orders", "returned") + ".raw-value";
    Reply refused =
        orders.post("/subjects/" + subject + "/versions", schemaBody(record("R", "a", "b")));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42250);
    assertThat(refused.message())
        .contains("3 violations")
        .contains("[MISSING_DOC]")
        .contains("[MISSING_FIELD_DOC] /fields/0")
        .contains("[MISSING_FIELD_DOC] /fields/1");
    assertThat(anonymous.get("/subjects/" + subject + "/versions").errorCode())
        .as("nothing was appended")
        .isEqualTo(40401);
    assertThat(
            orders.post("/subjects/" + subject + "/versions", schemaBody(documented("R"))).status())
        .isEqualTo(200);
    String dlq = TestTopics.uniqueProduct("orders", "returned") + ".dlq-value";
    assertThat(orders.post("/subjects/" + dlq + "/versions", schemaBody(record("R", "a"))).status())
        .as("dead-letter subjects carry no contract schema")
        .isEqualTo(200);
  }
}
