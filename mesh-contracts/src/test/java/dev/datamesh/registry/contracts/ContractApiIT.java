package dev.datamesh.registry.contracts;

import static dev.datamesh.registry.contracts.ContractDocs.addProperty;
import static dev.datamesh.registry.contracts.ContractDocs.changed;
import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.removeProperty;
import static dev.datamesh.registry.contracts.ContractDocs.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractSummary;
import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contracts API on a real broker: registration, provisioning, evolution, reads, governance. */
@MicronautTest(environments = "registry")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractApiIT implements TestPropertyProvider {
  private static final String TOPIC = TestTopics.unique("mesh-contracts-contracts-api");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;
  private ContractHttp http;
  private Admin admin;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "kafka.bootstrap.servers",
        TestKafka.shared().bootstrapServers(),
        "mesh.registry.store.topic",
        TOPIC,
        "micronaut.server.port",
        "-1");
  }

  @BeforeAll
  void clients() {
    http = new ContractHttp(new RegistryHttp("http://localhost:" + server.getPort()));
    admin = KafkaTestClients.admin(TestKafka.shared());
  }

  @AfterAll
  void closeAdmin() {
    admin.close(Duration.ofSeconds(5));
  }

  private static String uniqueLike(String exampleId) {
    int dot = exampleId.indexOf('.');
    return TestTopics.uniqueProduct(exampleId.substring(0, dot), exampleId.substring(dot + 1));
  }

  private JsonNode registered(ObjectNode doc) {
    Reply reply = http.postYaml(yaml(doc));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  private Map<String, TopicDescription> describe(List<String> topics) throws Exception {
    return admin.describeTopics(topics).allTopicNames().get();
  }

  private Config config(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource);
  }

  @Test
  void everyExampleRegistersWithItsTopicsSubjectsAndCompatibility() throws Exception {
    for (String exampleId : TestContracts.EXAMPLES) {
      String productId = uniqueLike(exampleId);
      ObjectNode doc = example(exampleId, productId);
      DataContract contract = ContractDocs.load(doc);
      JsonNode body = registered(doc);

      assertThat(body.path("productId").asText()).isEqualTo(productId);
      assertThat(body.path("version").asText()).isEqualTo(contract.version().toString());
      assertThat(body.path("status").asText()).isEqualTo(contract.status().odcsValue());
      assertThat(body.path("registeredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(body.path("rawSubject").asText()).isEqualTo(productId + ".raw-value");
      assertThat(body.path("certifiedSubject").asText()).isEqualTo(productId + ".certified-value");
      assertThat(body.path("topics").path("deadLetter").asText()).isEqualTo(productId + ".dlq");
      assertThat(body.path("document").path("dataProduct").asText())
          .isEqualTo(productId.substring(productId.indexOf('.') + 1));
      assertThat(body.has("warnings")).isFalse();
      int schemaId = body.path("schemaId").asInt();
      assertThat(schemaId).isPositive();

      assertProvisioned(contract);

      for (String subject : List.of(productId + ".raw-value", productId + ".certified-value")) {
        Reply version = http.confluent().get("/subjects/" + subject + "/versions/latest");
        assertThat(version.status()).as(version.body()).isEqualTo(200);
        assertThat(version.json().path("id").asInt()).isEqualTo(schemaId);
        assertThat(new Schema.Parser().parse(version.json().path("schema").asText()))
            .isEqualTo(contract.valueSchema());
        assertThat(
                http.confluent()
                    .get("/config/" + subject)
                    .json()
                    .path("compatibilityLevel")
                    .asText())
            .isEqualTo(contract.compatibility().name());
      }
    }
  }

  private void assertProvisioned(DataContract contract) throws Exception {
    var topics = contract.topics();
    Map<String, TopicDescription> described =
        describe(List.of(topics.raw(), topics.certified(), topics.deadLetter()));
    assertThat(described.values())
        .allSatisfy(d -> assertThat(d.partitions()).hasSize(contract.kafka().partitions()));
    Config raw = config(topics.raw());
    Config certified = config(topics.certified());
    Config dlq = config(topics.deadLetter());
    assertThat(raw.get("retention.ms").value())
        .isEqualTo(Long.toString(contract.kafka().rawRetention().toMillis()));
    assertThat(certified.get("retention.ms").value())
        .isEqualTo(Long.toString(contract.kafka().certifiedRetention().toMillis()));
    assertThat(dlq.get("retention.ms").value())
        .isEqualTo(Long.toString(contract.kafka().deadLetterRetention().toMillis()));
    assertThat(certified.get("cleanup.policy").value())
        .isEqualTo(contract.kafka().compacted() ? "compact" : "delete");
    long rawMax = Long.parseLong(raw.get("max.message.bytes").value());
    assertThat(Long.parseLong(dlq.get("max.message.bytes").value())).isGreaterThan(rawMax);
  }

  @Test
  void theBadContractIsRejectedWithEveryViolationAndNothingIsWritten() throws Exception {
    Reply reply = http.postYaml(TestContracts.resource("/contracts/bad-contract.odcs.yaml"));
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42260);
    List<String> codes = new ArrayList<>();
    reply.json().path("violations").forEach(v -> codes.add(v.path("code").asText()));
    assertThat(codes)
        .contains(
            "ODCS_SCHEMA_VIOLATION",
            "RULE_INVALID",
            "FIELD_TYPE_INVALID",
            "KAFKA_PROFILE_INVALID",
            "POLICY_PRODUCT_ID_NAMING",
            "POLICY_OWNER_REQUIRED",
            "POLICY_SUPPORT_CHANNEL_REQUIRED",
            "POLICY_PROPERTY_DESCRIPTION_REQUIRED",
            "POLICY_PII_MASKING_REQUIRED",
            "POLICY_COMPATIBILITY_TOO_WEAK",
            "POLICY_RETENTION_TOO_SHORT",
            "POLICY_FRESHNESS_SLA_REQUIRED");
    assertThat(reply.json().path("violations").get(0).has("pointer")).isTrue();
    assertThat(reply.message()).contains(codes.size() + " violations");
    assertThat(http.get("/contracts/mesh.bad-orders").errorCode()).isEqualTo(40460);
    assertThat(admin.listTopics().names().get()).doesNotContain("mesh.bad-orders.raw");
  }

  @Test
  void badBodiesGetStableClientErrors() {
    Reply malformed = http.postYaml("kind: DataContract\n  version: [1.0.0\n");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(40060);
    assertThat(malformed.json().path("violations").get(0).path("code").asText())
        .isEqualTo("CONTRACT_MALFORMED");

    Reply empty = http.postYaml("");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorCode()).isEqualTo(40060);

    Reply yamlAsJson = http.post("/contracts", "kind: DataContract", ContractHttp.JSON);
    assertThat(yamlAsJson.status()).isEqualTo(400);
    assertThat(yamlAsJson.errorCode()).isEqualTo(40060);

    Reply text = http.post("/contracts", "kind: DataContract", "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.errorCode()).isEqualTo(415);

    String big = "description: '" + "x".repeat(600_000) + "'\n";
    Reply tooLarge = http.postYaml(big);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).isEqualTo(41360);

    Reply list = http.postYaml("- a\n- b\n");
    assertThat(list.status()).isEqualTo(400);

    Reply check = http.post("/contracts/check", "a: [", ContractHttp.YAML);
    assertThat(check.status()).as("the dry run reports, it does not refuse").isEqualTo(200);
    assertThat(check.json().path("valid").asBoolean()).isFalse();
  }

  @Test
  void aContractPostedAsJsonIsTheSameContract() {
    String productId = uniqueLike("payments.transaction");
    ObjectNode doc = example("payments.transaction", productId);
    Reply reply = http.post("/contracts", doc.toString(), ContractHttp.JSON);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Reply again = http.postYaml(yaml(doc));
    assertThat(again.status()).as("the YAML form is the identical version").isEqualTo(200);
    assertThat(again.json().path("registeredAt")).isEqualTo(reply.json().path("registeredAt"));
  }

  @Test
  void versionsEvolveCompatiblyWithinAMajorAndBreakOnlyInANewOne() {
    String productId = uniqueLike("orders.order-placed");
    ObjectNode v1 = example("orders.order-placed", productId);
    int id1 = registered(v1).path("schemaId").asInt();

    ObjectNode v11 =
        changed(
            v1,
            d -> {
              d.put("version", "1.1.0");
              addProperty(
                  d,
                  "{name: giftNote, logicalType: string, required: false, description: A note.}");
            });
    int id11 = registered(v11).path("schemaId").asInt();
    assertThat(id11).isNotEqualTo(id1);

    ObjectNode breaking =
        changed(
            v11,
            d -> {
              d.put("version", "1.2.0");
              addProperty(
                  d, "{name: giftWrap, logicalType: string, required: true, description: Wrap.}");
            });
    Reply refused = http.postYaml(yaml(breaking));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo(40960);
    assertThat(refused.json().path("compatibility").path("compatible").asBoolean()).isFalse();
    assertThat(refused.json().path("compatibility").path("messages").toString())
        .contains("giftWrap");

    Reply major = http.postYaml(yaml(changed(breaking, d -> d.put("version", "2.0.0"))));
    assertThat(major.status()).as(major.body()).isEqualTo(200);

    assertThat(
            StreamSupport.stream(
                    http.get("/contracts/" + productId + "/versions").json().spliterator(), false)
                .map(JsonNode::asText))
        .containsExactly("1.0.0", "1.1.0", "2.0.0");
    assertThat(http.get("/contracts/" + productId).json().path("version").asText())
        .isEqualTo("2.0.0");
    Reply first = http.get("/contracts/" + productId + "/versions/1.0.0");
    assertThat(first.json().path("schemaId").asInt()).isEqualTo(id1);
    assertThat(first.json().path("document").path("version").asText()).isEqualTo("1.0.0");
    assertThat(http.get("/contracts/" + productId + "/versions/9.9.9").errorCode())
        .isEqualTo(40461);
    assertThat(http.confluent().get("/subjects/" + productId + ".raw-value/versions").json().size())
        .isEqualTo(3);
  }

  @Test
  void rePostingAVersionIsIdempotentAndChangingItConflicts() {
    String productId = uniqueLike("catalog.inventory-level");
    ObjectNode doc = example("catalog.inventory-level", productId);
    JsonNode first = registered(doc);
    JsonNode again = registered(doc);
    assertThat(again.path("registeredAt")).isEqualTo(first.path("registeredAt"));
    assertThat(again.path("schemaId")).isEqualTo(first.path("schemaId"));
    assertThat(http.confluent().get("/subjects/" + productId + ".raw-value/versions").json().size())
        .isEqualTo(1);

    Reply changedContent = http.postYaml(yaml(changed(doc, d -> d.put("status", "deprecated"))));
    assertThat(changedContent.status()).isEqualTo(409);
    assertThat(changedContent.errorCode()).isEqualTo(40961);
  }

  @Test
  void theDiffReportsAFieldRemovalAsBreaking() {
    String productId = uniqueLike("orders.order-placed");
    ObjectNode v1 = example("orders.order-placed", productId);
    registered(v1);
    registered(
        changed(
            v1,
            d -> {
              d.put("version", "1.1.0");
              removeProperty(d, "couponCode");
            }));
    Reply diff = http.get("/contracts/" + productId + "/diff");
    assertThat(diff.status()).as(diff.body()).isEqualTo(200);
    JsonNode body = diff.json();
    assertThat(body.path("from").asText()).isEqualTo("1.0.0");
    assertThat(body.path("to").asText()).isEqualTo("1.1.0");
    assertThat(body.path("breaking").asBoolean()).isTrue();
    assertThat(body.path("schema").path("compatible").asBoolean()).isTrue();
    JsonNode removed =
        StreamSupport.stream(body.path("changes").spliterator(), false)
            .filter(c -> c.path("kind").asText().equals("field-removed"))
            .findFirst()
            .orElseThrow();
    assertThat(removed.path("breaking").asBoolean()).isTrue();
    assertThat(removed.path("pointer").asText()).isEqualTo("/schema/0/properties/7");
    assertThat(
            http.get("/contracts/" + productId + "/diff?from=1.0.0&to=1.0.0")
                .json()
                .path("changes")
                .size())
        .isZero();
    assertThat(http.get("/contracts/" + productId + "/diff?from=0.9.0").errorCode())
        .isEqualTo(40461);
    assertThat(http.get("/contracts/nobody.nothing/diff").errorCode()).isEqualTo(40460);
  }

  @Test
  void theCheckIsADryRun() throws Exception {
    String productId = uniqueLike("orders.order-placed");
    ObjectNode v1 = example("orders.order-placed", productId);
    Reply ok = http.post("/contracts/check", yaml(v1), ContractHttp.YAML);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("valid").asBoolean()).isTrue();
    assertThat(ok.json().path("violations").isArray()).isTrue();
    assertThat(ok.json().path("violations").size()).isZero();
    assertThat(ok.json().path("compatibility").path("compatible").asBoolean()).isTrue();
    assertThat(ok.json().path("policyVersion").asText()).isEqualTo("1.0.0");
    assertThat(http.get("/contracts/" + productId).status()).isEqualTo(404);
    assertThat(admin.listTopics().names().get()).doesNotContain(productId + ".raw");

    registered(v1);
    ObjectNode breaking =
        changed(
            v1,
            d -> {
              d.put("version", "1.1.0");
              addProperty(
                  d, "{name: giftWrap, logicalType: string, required: true, description: Wrap.}");
            });
    JsonNode check = http.post("/contracts/check", yaml(breaking), ContractHttp.YAML).json();
    assertThat(check.path("valid").asBoolean()).isFalse();
    assertThat(check.path("compatibility").path("compatible").asBoolean()).isFalse();
    assertThat(check.path("changes").toString()).contains("field-added").contains("giftWrap");

    JsonNode bad =
        http.post(
                "/contracts/check",
                TestContracts.resource("/contracts/bad-contract.odcs.yaml"),
                ContractHttp.YAML)
            .json();
    assertThat(bad.path("valid").asBoolean()).isFalse();
    assertThat(bad.path("violations").size()).isGreaterThan(10);
  }

  @Test
  void theHttpContractCatalogReadsThisServer() {
    String productId = uniqueLike("payments.transaction");
    JsonNode body = registered(example("payments.transaction", productId));
    try (ContractCatalog catalog =
        ContractCatalog.http(
            URI.create("http://localhost:" + server.getPort()),
            Optional.empty(),
            Duration.ofSeconds(10))) {
      List<ContractSummary> all = catalog.list();
      assertThat(all)
          .filteredOn(s -> s.productId().equals(productId))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.version()).isEqualTo(body.path("version").asText());
                assertThat(s.status()).isEqualTo("active");
                assertThat(s.registeredAt().toString())
                    .isEqualTo(body.path("registeredAt").asText());
              });
      RegisteredContract contract = catalog.get(productId).orElseThrow();
      assertThat(contract.schemaId()).isEqualTo(body.path("schemaId").asInt());
      assertThat(contract.contract().productId().toString()).isEqualTo(productId);
      assertThat(contract.contract().valueSchema().getName()).isNotBlank();
      assertThat(catalog.get("nobody.nothing")).isEmpty();
    }
  }

  @Test
  void theListingFiltersByDomainAndStatus() {
    String active = uniqueLike("orders.order-placed");
    String deprecated = uniqueLike("orders.order-placed");
    registered(example("orders.order-placed", active));
    registered(
        changed(example("orders.order-placed", deprecated), d -> d.put("status", "deprecated")));
    JsonNode orders = http.get("/contracts?domain=orders").json();
    assertThat(orders.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    orders.forEach(
        e -> {
          assertThat(e.path("domain").asText()).isEqualTo("orders");
          assertThat(e.path("owner").asText()).isEqualTo("orders-team");
          assertThat(e.path("schemaId").asInt()).isPositive();
          ids.add(e.path("productId").asText());
        });
    assertThat(ids).contains(active, deprecated);
    JsonNode onlyDeprecated = http.get("/contracts?status=deprecated").json();
    assertThat(
            StreamSupport.stream(onlyDeprecated.spliterator(), false)
                .map(e -> e.path("productId").asText())
                .collect(Collectors.toList()))
        .contains(deprecated)
        .doesNotContain(active);
    assertThat(http.get("/contracts?domain=nobody").json().size()).isZero();
  }

  @Test
  void existingTopicsAreLeftAloneWithAWarningOnAPartitionMismatch() throws Exception {
    String productId = uniqueLike("orders.order-placed");
    KafkaTestClients.createTopics(TestKafka.shared(), 2, productId + ".raw");
    JsonNode body = registered(example("orders.order-placed", productId));
    assertThat(body.path("warnings").toString())
        .contains(productId + ".raw")
        .contains("2 partition(s)")
        .contains("asks for 6");
    Map<String, TopicDescription> topics =
        describe(List.of(productId + ".raw", productId + ".certified"));
    assertThat(topics.get(productId + ".raw").partitions()).hasSize(2);
    assertThat(topics.get(productId + ".certified").partitions()).hasSize(6);
  }

  @Test
  void confluentRegistrationsThatBreakTheContractAreRefused() {
    String productId = uniqueLike("orders.order-placed");
    ObjectNode doc = example("orders.order-placed", productId);
    JsonNode body = registered(doc);
    DataContract contract = ContractDocs.load(doc);
    String subject = productId + ".raw-value";

    String withoutEmail = withoutField(contract.valueSchema(), "customerEmail");
    Reply refused =
        http.confluent()
            .post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(withoutEmail));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42250);
    assertThat(refused.message()).contains("AVRO_FIELD_MISSING").contains("customerEmail");

    Reply same =
        http.confluent()
            .post(
                "/subjects/" + subject + "/versions",
                RegistryHttp.schemaBody(contract.valueSchema().toString()));
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().path("id").asInt()).isEqualTo(body.path("schemaId").asInt());

    String free = uniqueLike("orders.no-contract") + ".raw-value";
    assertThat(
            http.confluent()
                .post("/subjects/" + free + "/versions", RegistryHttp.schemaBody(withoutEmail))
                .status())
        .as("products without a contract are plain Confluent subjects")
        .isEqualTo(200);
  }

  private static String withoutField(Schema record, String name) {
    ObjectNode json;
    try {
      json = (ObjectNode) JSON.readTree(record.toString());
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
    ArrayNode fields = (ArrayNode) json.path("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).path("name").asText().equals(name)) {
        fields.remove(i);
        break;
      }
    }
    return json.toString();
  }
}
