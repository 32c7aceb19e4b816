package dev.datamesh.registry.subscriptions;

import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.SecuredTestKafka;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestServices.RunningService;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Self-serve access control on a SASL broker with the standard ACL authorizer: registering a
 * contract and approving subscriptions provision ACLs; principals are denied everything else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {
  private static final String COUNCIL = "council-secret";
  private static final Map<String, String> TOKENS =
      Map.of(
          "orders", "orders-token", "payments", "payments-token", "analytics", "analytics-token");

  private final SecuredTestKafka kafka = SecuredTestKafka.get();
  private final String storeTopic = TestTopics.unique("mesh-contracts-acl");
  private RunningService registry;

  @BeforeAll
  void startRegistry() {
    registry = startRegistryInstance();
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private RunningService startRegistryInstance() {
    Map<String, Object> props = new HashMap<>(kafka.serviceProperties(SecuredTestKafka.REGISTRY));
    props.put("mesh.registry.store.topic", storeTopic);
    props.put("mesh.registry.acls.enabled", "true");
    props.put("mesh.registry.auth.enabled", "true");
    props.put("mesh.registry.auth.council-token", COUNCIL);
    TOKENS.forEach((domain, token) -> props.put("mesh.registry.auth.domains." + domain, token));
    return TestServices.start(kafka.as(SecuredTestKafka.REGISTRY), "registry", props);
  }

  private Api as(String domain) {
    return new Api(new RegistryHttp(registry.url(), "Bearer " + TOKENS.get(domain)));
  }

  /** The contracts-style API answers {@code application/json}. */
  private record Api(RegistryHttp http) {
    Reply get(String path) {
      return http.send("GET", path, null, null, "application/json");
    }

    Reply post(String path, String body) {
      return http.send("POST", path, body, "application/json", "application/json");
    }

    Reply postYaml(String path, String body) {
      return http.send("POST", path, body, "application/yaml", "application/json");
    }

    Reply delete(String path) {
      return http.send("DELETE", path, null, null, "application/json");
    }
  }

  private String register(String exampleId, String domain, String product) {
    return register(example(exampleId, TestTopics.uniqueProduct(domain, product)), domain);
  }

  private String register(ObjectNode doc, String domain) {
    Reply reply = as(domain).postYaml("/contracts", yaml(doc));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("productId").asText();
  }

  @Test
  void aDomainWritesItsOwnRawTopicOnlyAndNoCertifiedTopic() {
    String orders = register("orders.order-placed", "orders", "order-placed");
    String payments = register("payments.transaction", "payments", "transaction");

    assertThat(sendAs("orders", orders + ".raw")).as("own raw topic").isNull();
    assertThat(sendAs("orders", payments + ".raw"))
        .as("another domain's raw topic")
        .isInstanceOf(AuthorizationException.class);
    assertThat(sendAs("orders", orders + ".certified"))
        .as("its own certified topic")
        .isInstanceOf(AuthorizationException.class);
    assertThat(sendAs("orders", payments + ".certified"))
        .as("another certified topic")
        .isInstanceOf(AuthorizationException.class);
    assertThat(sendAs("payments", orders + ".raw")).isInstanceOf(AuthorizationException.class);
    assertThat(sendAs(SecuredTestKafka.GATEWAY, orders + ".certified"))
        .as("the gateway certifies")
        .isNull();
  }

  @Test
  void aConsumerReadsACertifiedTopicOnlyWhileItsSubscriptionIsApproved() {
    String product = register("orders.order-placed", "orders", "order-placed");
    String certified = product + ".certified";
    assertThat(sendAs(SecuredTestKafka.GATEWAY, certified)).isNull();
    String subscriptions = "/products/" + product + "/subscriptions";

    assertThat(readAs("analytics", certified)).as("before subscribing").isEqualTo(-1);

    Reply asked = as("analytics").post(subscriptions, "{\"purpose\":\"revenue dashboards\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(asked.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(asked.json().path("principal").asText()).isEqualTo("User:analytics");
    assertThat(readAs("analytics", certified)).as("while pending").isEqualTo(-1);

    Reply wrongOwner = as("payments").post(subscriptions + "/analytics/approve", "");
    assertThat(wrongOwner.status()).isEqualTo(403);
    assertThat(wrongOwner.body()).doesNotContain("payments-token");
    Reply approved = as("orders").post(subscriptions + "/analytics/approve", "");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().path("decidedBy").asText()).isEqualTo("orders");
    assertThat(readAs("analytics", certified)).as("after approval").isEqualTo(1);
    assertThat(readAs("payments", certified)).as("another domain").isEqualTo(-1);

    JsonNode listed =
        new Api(new RegistryHttp(registry.url())).get("/subscriptions?status=APPROVED").json();
    assertThat(products(listed)).contains(product + " <- analytics");

    Reply revoked = as("orders").delete(subscriptions + "/analytics");
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
    assertThat(readAs("analytics", certified)).as("after revocation").isEqualTo(-1);
    Reply reapprove = as("orders").post(subscriptions + "/analytics/approve", "");
    assertThat(reapprove.status()).isEqualTo(409);
  }

  @Test
  void subscriptionsAreFactsOnTheLogThatAnotherInstanceReplays() {
    String product = register("orders.order-placed", "orders", "order-placed");
    String subscriptions = "/products/" + product + "/subscriptions";
    assertThat(as("analytics").post(subscriptions, "").status()).isEqualTo(200);
    assertThat(as("orders").post(subscriptions + "/analytics/approve", "").status()).isEqualTo(200);
    try (RunningService second = startRegistryInstance()) {
      JsonNode replayed = new Api(new RegistryHttp(second.url())).get(subscriptions).json();
      assertThat(replayed).hasSize(1);
      assertThat(replayed.get(0).path("consumer").asText()).isEqualTo("analytics");
      assertThat(replayed.get(0).path("status").asText()).isEqualTo("APPROVED");
    }
  }

  @Test
  void aContractThatApprovesAutomaticallyGrantsAtOnce() {
    ObjectNode doc =
        example("orders.order-placed", TestTopics.uniqueProduct("orders", "auto-approved"));
    ((ArrayNode) doc.withArray("customProperties"))
        .addObject()
        .put("property", "subscriptionApproval")
        .put("value", "auto");
    String product = register(doc, "orders");
    assertThat(sendAs(SecuredTestKafka.GATEWAY, product + ".certified")).isNull();

    Reply asked = as("analytics").post("/products/" + product + "/subscriptions", "");
    assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("APPROVED");
    assertThat(asked.json().path("decidedBy").asText()).isEqualTo("auto");
    assertThat(readAs("analytics", product + ".certified")).isEqualTo(1);
  }

  @Test
  void registryWritesWithAnotherDomainsTokenAreForbidden() {
    String product = register("orders.order-placed", "orders", "order-placed");
    Reply contract =
        as("payments").postYaml("/contracts", yaml(example("orders.order-placed", product)));
    assertThat(contract.status()).isEqualTo(403);
    Reply onBehalf =
        as("payments")
            .post("/products/" + product + "/subscriptions", "{\"consumer\":\"analytics\"}");
    assertThat(onBehalf.status()).isEqualTo(403);
    Reply subject =
        as("payments")
            .http()
            .post(
                "/subjects/" + product + ".raw-value/versions",
                RegistryHttp.schemaBody(RegistryHttp.record("X", "a")));
    assertThat(subject.status()).isEqualTo(403);
    Reply global = as("orders").http().put("/config", "{\"compatibility\":\"NONE\"}");
    assertThat(global.status()).isEqualTo(403);
    Reply noSuch = as("payments").delete("/products/" + product + "/subscriptions/analytics");
    assertThat(noSuch.status()).isEqualTo(403);
  }

  private static List<String> products(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(s -> out.add(s.path("productId").asText() + " <- " + s.path("consumer").asText()));
    return out;
  }

  /** Null when the write succeeded, else the exception's cause. */
  private Throwable sendAs(String user, String topic) {
    Map<String, Object> props = new HashMap<>(kafka.as(user).clientProperties());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(topic, "v".getBytes(StandardCharsets.UTF_8)))
          .get(20, TimeUnit.SECONDS);
      return null;
    } catch (Exception e) {
      return e.getCause() != null ? e.getCause() : e;
    }
  }

  /**
   * Records read from {@code topic} as {@code user} in a consumer group of the user's domain within
   * a few seconds; -1 when the broker refused.
   */
  private int readAs(String user, String topic) {
    TestKafka as = kafka.as(user);
    Map<String, Object> props = new HashMap<>(as.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, user + "." + TestTopics.unique("reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    int read = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (read == 0 && System.nanoTime() < deadline) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
    } catch (AuthorizationException e) {
      return -1;
    }
    return read;
  }
}
