package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.serde.AvroSerializer;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway end to end on a real broker with the real registry: contracts registered over HTTP,
 * records produced with the mesh's Confluent-wire-format serializer, every verdict checked on the
 * certified and dead-letter topics, and the JSON ingest API.
 */
class GatewayIT {
  private static final String ORDERS_TOKEN = "orders-secret-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestKafka kafka;
  private static TestServices.RunningService registry;
  private static TestServices.RunningService gateway;

  @BeforeAll
  static void startServices() {
    kafka = TestKafka.shared();
    registry =
        TestServices.start(
            kafka,
            "registry",
            Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts")));
    Map<String, Object> gw = new HashMap<>();
    gw.put("mesh.gateway.registry.url", registry.url());
    gw.put("mesh.gateway.registry.refresh", "300ms");
    gw.put("mesh.gateway.group-id", TestTopics.unique("gateway-it"));
    gw.put("mesh.gateway.stats-topic", TestTopics.unique("stats"));
    gw.put("mesh.gateway.stats-interval", "1s");
    gw.put("mesh.gateway.auth.enabled", true);
    gw.put("mesh.gateway.auth.domains.orders", ORDERS_TOKEN);
    gw.put("mesh.gateway.auth.domains.payments", "payments-secret-token");
    gw.put("mesh.gateway.auth.domains.catalog", "catalog-secret-token");
    gw.put(
        "mesh.gateway.masking.hash-key",
        java.util.Base64.getEncoder().encodeToString(new byte[32]));
    gateway = TestServices.start(kafka, "gateway", gw);
  }

  @AfterAll
  static void stopServices() {
    if (gateway != null) {
      gateway.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void validRecordsAreCertifiedAndEveryKindOfBadRecordIsDeadLetteredWithItsCode() throws Exception {
    String product = registerOrders();
    DataContract contract = contractOf(product);
    try (KafkaProducer<String, Object> avro = avroProducer();
        KafkaProducer<byte[], byte[]> bytes = KafkaTestClients.producer(kafka)) {
      for (int i = 0; i < 20; i++) {
        avro.send(
                new ProducerRecord<>(
                    product + ".raw", "ORD-" + i, OrdersFixture.order(contract, i)))
            .get();
      }
      GenericRecord badPattern = OrdersFixture.order(contract, 99);
      badPattern.put("orderId", "nope");
      avro.send(new ProducerRecord<>(product + ".raw", "bad", badPattern)).get();
      byte[] good =
          ContractCertifierTest.frame(
              schemaIdOf(product), contract.valueSchema(), OrdersFixture.order(contract, 5));
      String raw = product + ".raw";
      bytes
          .send(
              new ProducerRecord<>(
                  raw, key("garbage"), "not avro at all".getBytes(StandardCharsets.UTF_8)))
          .get();
      bytes.send(new ProducerRecord<>(raw, key("short"), new byte[] {0, 0})).get();
      bytes.send(new ProducerRecord<>(raw, key("unknown"), reframe(good, 987654))).get();
      bytes
          .send(new ProducerRecord<>(raw, key("foreign"), reframe(good, registerForeignSchema())))
          .get();
      bytes.send(new ProducerRecord<>(raw, key("cut"), Arrays.copyOf(good, good.length - 6))).get();
      bytes.send(new ProducerRecord<>(raw, key("tomb"), null)).get();
    }

    List<ConsumerRecord<byte[], byte[]>> certified =
        KafkaTestClients.readAll(kafka, product + ".certified", 20, Duration.ofSeconds(90));
    List<ConsumerRecord<byte[], byte[]>> dead =
        KafkaTestClients.readAll(kafka, product + ".dlq", 7, Duration.ofSeconds(60));

    assertThat(certified).hasSize(20);
    assertThat(certified)
        .allSatisfy(
            r -> {
              assertThat(header(r, "mesh.contract.version")).isEqualTo("1.0.0");
              assertThat(header(r, "mesh.contract.id")).isEqualTo("orders-order-placed");
              assertThat(header(r, "mesh.source.offset"))
                  .startsWith(product + ".raw/" + r.partition() + "/");
            });
    assertThat(dead)
        .extracting(r -> header(r, "mesh.error.code"))
        .containsExactlyInAnyOrder(
            "RULE_VIOLATION",
            "BAD_MAGIC_BYTE",
            "TRUNCATED",
            "UNKNOWN_SCHEMA_ID",
            "SCHEMA_NOT_OF_PRODUCT",
            "UNDECODABLE_PAYLOAD",
            "TOMBSTONE_NOT_ALLOWED");
    ConsumerRecord<byte[], byte[]> violation =
        dead.stream()
            .filter(r -> "RULE_VIOLATION".equals(header(r, "mesh.error.code")))
            .findFirst()
            .orElseThrow();
    assertThat(header(violation, "mesh.error.field")).isEqualTo("/orderId");
    assertThat(header(violation, "mesh.error.reason"))
        .contains("RECORD_PATTERN_MISMATCH", "does not match");

    // PII: no produced e-mail address appears anywhere in the certified topic's bytes.
    for (ConsumerRecord<byte[], byte[]> r : certified) {
      assertThat(new String(r.value(), StandardCharsets.ISO_8859_1))
          .doesNotContain("@shop.example");
    }
  }

  @Test
  void aProductWithoutMaskingIsCertifiedByteForByte() throws Exception {
    String product =
        register(
            "catalog.inventory-level", "catalog", TestTopics.unique("stock").replace('.', '-'));
    DataContract contract = contractOf(product);
    ObjectNode event = inventoryEvent();
    byte[] framed;
    JsonNode reply =
        postJson("/products/" + product + "/events", event.toString(), "catalog-secret-token", 201);
    assertThat(reply.path("records")).hasSize(1);
    List<ConsumerRecord<byte[], byte[]>> raw =
        KafkaTestClients.readAll(kafka, product + ".raw", 1, Duration.ofSeconds(30));
    List<ConsumerRecord<byte[], byte[]>> certified =
        KafkaTestClients.readAll(kafka, product + ".certified", 1, Duration.ofSeconds(60));
    framed = raw.get(0).value();
    assertThat(certified).hasSize(1);
    assertThat(certified.get(0).value()).isEqualTo(framed);
    assertThat(certified.get(0).key()).isEqualTo(raw.get(0).key());
    assertThat(contract.productId().toString()).isEqualTo(product);
  }

  @Test
  void ingestApiAnswers201And422And404And401And403() throws Exception {
    String product = registerOrders();
    DataContract contract = contractOf(product);
    String path = "/products/" + product + "/events";
    ArrayNode two =
        OrdersFixture.JSON
            .createArrayNode()
            .add(OrdersFixture.orderJson(1))
            .add(OrdersFixture.orderJson(2));

    JsonNode created = postJson(path, two.toString(), ORDERS_TOKEN, 201);
    assertThat(created.path("records")).hasSize(2);
    assertThat(KafkaTestClients.readAll(kafka, product + ".certified", 2, Duration.ofSeconds(60)))
        .hasSize(2);

    ObjectNode bad = OrdersFixture.orderJson(3);
    bad.put("currency", "DOGE");
    bad.remove("customerId");
    JsonNode rejected =
        postJson(
            path,
            OrdersFixture.JSON
                .createArrayNode()
                .add(OrdersFixture.orderJson(4))
                .add(bad)
                .toString(),
            ORDERS_TOKEN,
            422);
    assertThat(rejected.path("violations")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rejected.path("violations").get(0).path("index").asInt()).isEqualTo(1);
    assertThat(rejected.path("error_code").asInt()).isEqualTo(42261);

    assertThat(
            postJson("/products/nope.nothing/events", "{}", ORDERS_TOKEN, 404)
                .path("error_code")
                .asInt())
        .isEqualTo(40461);
    assertThat(postJson(path, OrdersFixture.orderJson(5).toString(), null, 401).has("message"))
        .isTrue();
    assertThat(
            postJson(path, OrdersFixture.orderJson(6).toString(), "payments-secret-token", 403)
                .has("message"))
        .isTrue();
    assertThat(postJson(path, "{not json", ORDERS_TOKEN, 400).path("error_code").asInt())
        .isEqualTo(40001);
    // nothing from the rejected requests reached raw: 2 records only
    assertThat(KafkaTestClients.readAll(kafka, product + ".raw", 3, Duration.ofSeconds(5)))
        .hasSize(2);
    assertThat(contract).isNotNull();
  }

  @Test
  void aContractEvolvedAtRuntimeIsEnforcedWithoutRestart() throws Exception {
    String product = registerOrders();
    DataContract contract = contractOf(product);
    try (KafkaProducer<String, Object> avro = avroProducer()) {
      GenericRecord store = OrdersFixture.order(contract, 1);
      store.put("currency", "CHF");
      avro.send(new ProducerRecord<>(product + ".raw", "a", store)).get();
      assertThat(KafkaTestClients.readAll(kafka, product + ".certified", 1, Duration.ofSeconds(60)))
          .hasSize(1);

      // v1.1.0 no longer accepts CHF (a tighter rule, same schema).
      String evolved =
          ordersYaml(product)
              .replace("version: 1.0.0", "version: 1.1.0")
              .replace("validValues: [EUR, USD, GBP, CHF]", "validValues: [EUR, USD, GBP]");
      postContract(evolved, 200);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                avro.send(new ProducerRecord<>(product + ".raw", "b", store)).get();
                List<ConsumerRecord<byte[], byte[]>> dead =
                    KafkaTestClients.readAll(kafka, product + ".dlq", 1, Duration.ofSeconds(3));
                assertThat(dead).isNotEmpty();
                assertThat(header(dead.get(0), "mesh.contract.version")).isEqualTo("1.1.0");
              });
    }
  }

  @Test
  void redriveCertifiesDeadLettersThatPassTheFixedContractExactlyOnce() throws Exception {
    String product = registerOrders();
    String strict =
        ordersYaml(product).replace("validValues: [EUR, USD, GBP, CHF]", "validValues: [EUR]");
    String path = "/products/" + product + "/dlq/redrive";
    // v1.0.0 as registered allowed STORE; make 1.0.1 strict, produce, then relax in 1.0.2.
    postContract(strict.replace("version: 1.0.0", "version: 1.0.1"), 200);
    DataContract contract = contractOf(product);
    await().atMost(Duration.ofSeconds(30)).until(() -> gatewayVersion(product).equals("1.0.1"));
    try (KafkaProducer<String, Object> avro = avroProducer()) {
      for (int i = 0; i < 5; i++) {
        GenericRecord order = OrdersFixture.order(contract, 100 + i);
        order.put("currency", i < 3 ? "USD" : "GBP");
        avro.send(new ProducerRecord<>(product + ".raw", "k" + i, order)).get();
      }
    }
    assertThat(KafkaTestClients.readAll(kafka, product + ".dlq", 5, Duration.ofSeconds(60)))
        .hasSize(5);

    postContract(
        ordersYaml(product)
            .replace("version: 1.0.0", "version: 1.0.2")
            .replace("validValues: [EUR, USD, GBP, CHF]", "validValues: [EUR, USD]"),
        200);
    await().atMost(Duration.ofSeconds(30)).until(() -> gatewayVersion(product).equals("1.0.2"));

    JsonNode report = postJson(path, "", ORDERS_TOKEN, 200);
    assertThat(report.path("examined").asLong()).isEqualTo(5);
    assertThat(report.path("certified").asLong()).isEqualTo(3);
    assertThat(report.path("stillFailing").path("RULE_VIOLATION").asLong()).isEqualTo(2);
    assertThat(KafkaTestClients.readAll(kafka, product + ".certified", 4, Duration.ofSeconds(10)))
        .hasSize(3);

    JsonNode again = postJson(path, "", ORDERS_TOKEN, 200);
    assertThat(again.path("examined").asLong()).as("the two re-appended ones").isEqualTo(2);
    assertThat(again.path("certified").asLong()).isZero();
    assertThat(KafkaTestClients.readAll(kafka, product + ".certified", 4, Duration.ofSeconds(5)))
        .hasSize(3);
    assertThat(postJson(path, "", null, 401).has("error_code")).isTrue();
  }

  private static String gatewayVersion(String product) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode versions =
        OrdersFixture.JSON
            .readTree(r.body())
            .path("details")
            .path("gateway")
            .path("details")
            .path("versions");
    return versions.path(product).asText("");
  }

  @Test
  void errorsMicronautProducesItselfAreJsonWithAnErrorCodeAndNoStackTrace() throws Exception {
    HttpResponse<String> unknown =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/no/such/route")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> xml =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/products/x.y/events"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<order/>"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(OrdersFixture.JSON.readTree(unknown.body()).path("error_code").asInt())
        .isEqualTo(404);
    assertThat(xml.statusCode()).isEqualTo(415);
    JsonNode body = OrdersFixture.JSON.readTree(xml.body());
    assertThat(body.path("error_code").asInt()).isEqualTo(415);
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String registerOrders() throws Exception {
    return register(
        "orders.order-placed", "orders", TestTopics.unique("order-placed").replace('.', '-'));
  }

  /** Registers the example contract {@code example} under a unique product name. */
  private static String register(String example, String domain, String productName)
      throws Exception {
    String yaml =
        exampleYaml(example).replaceFirst("(?m)^dataProduct: .*$", "dataProduct: " + productName);
    postContract(yaml, 200);
    String product = domain + "." + productName;
    await().atMost(Duration.ofSeconds(30)).until(() -> !gatewayVersion(product).isEmpty());
    return product;
  }

  private static String ordersYaml(String product) {
    return exampleYaml("orders.order-placed")
        .replaceFirst(
            "(?m)^dataProduct: .*$", "dataProduct: " + product.substring(product.indexOf('.') + 1));
  }

  private static String exampleYaml(String example) {
    try (var in = GatewayIT.class.getResourceAsStream("/examples/" + example + ".odcs.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void postContract(String yaml, int expected) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + "/contracts"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }

  private static DataContract contractOf(String product) throws Exception {
    JsonNode body = getJson(registry.url() + "/contracts/" + product);
    return ContractLoader.create().load(body.path("document").toString()).contract().orElseThrow();
  }

  private static int schemaIdOf(String product) throws Exception {
    return getJson(registry.url() + "/contracts/" + product).path("schemaId").asInt();
  }

  private static int registerForeignSchema() throws Exception {
    Schema foreign = SchemaBuilder.record("Foreign").fields().requiredString("x").endRecord();
    String body =
        OrdersFixture.JSON.createObjectNode().put("schema", foreign.toString()).toString();
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        registry.url()
                            + "/subjects/"
                            + TestTopics.unique("foreign")
                            + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return OrdersFixture.JSON.readTree(r.body()).path("id").asInt();
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return OrdersFixture.JSON.readTree(r.body());
  }

  private static JsonNode postJson(String path, String body, String token, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(gateway.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
    return OrdersFixture.JSON.readTree(r.body());
  }

  private static ObjectNode inventoryEvent() {
    ObjectNode event = OrdersFixture.JSON.createObjectNode();
    event.put("inventoryKey", "AMS-1/SKU-00000042");
    event.put("sku", "SKU-00000042");
    event.put("warehouseId", "AMS-1");
    event.put("quantityOnHand", 120);
    event.put("quantityReserved", 7);
    event.put("reorderPoint", 20);
    event.put("updatedAt", "2026-11-21T10:15:30Z");
    return event;
  }

  private KafkaProducer<String, Object> avroProducer() {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put("schema.registry.url", registry.url());
    props.put("acks", "all");
    return new KafkaProducer<>(props, new StringSerializer(), avroSerializer());
  }

  private static AvroSerializer<Object> avroSerializer() {
    AvroSerializer<Object> s = new AvroSerializer<>();
    s.configure(Map.of("schema.registry.url", registry.url()), false);
    return s;
  }

  private static byte[] reframe(byte[] framed, int id) {
    byte[] copy = framed.clone();
    dev.datamesh.contracts.serde.WireFormat.writePrefix(copy, id);
    return copy;
  }

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
