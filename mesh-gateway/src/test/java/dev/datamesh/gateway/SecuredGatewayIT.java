package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.serde.FieldCipher;
import dev.datamesh.testing.SecuredTestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow on a SASL broker with ACLs: the registry provisions ACLs, the gateway certifies as
 * its own principal, the producing domain writes only raw, a subscribed consumer reads certified
 * records in which no PII value produced in raw appears in clear, and decrypts the {@code
 * encrypt}-masked field with {@link FieldCipher} and the key the gateway read from a file.
 */
class SecuredGatewayIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> TOKENS =
      Map.of("orders", "orders-token", "analytics", "analytics-token");
  private static final byte[] AES_KEY = new byte[32];

  @TempDir static Path keys;
  private static SecuredTestKafka kafka;
  private static TestServices.RunningService registry;
  private static TestServices.RunningService gateway;

  @BeforeAll
  static void startServices() throws Exception {
    kafka = SecuredTestKafka.get();
    for (int i = 0; i < AES_KEY.length; i++) {
      AES_KEY[i] = (byte) (i * 7 + 3);
    }
    Map<String, Object> reg = new HashMap<>(kafka.serviceProperties(SecuredTestKafka.REGISTRY));
    reg.put("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts"));
    reg.put("mesh.registry.acls.enabled", "true");
    reg.put("mesh.registry.auth.enabled", "true");
    reg.put("mesh.registry.auth.council-token", "council-token");
    TOKENS.forEach((d, t) -> reg.put("mesh.registry.auth.domains." + d, t));
    registry = TestServices.start(kafka.as(SecuredTestKafka.REGISTRY), "registry", reg);

    Path keyFile = keys.resolve("encryption.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(AES_KEY) + "\n");
    Map<String, Object> gw = new HashMap<>(kafka.serviceProperties(SecuredTestKafka.GATEWAY));
    gw.put("mesh.gateway.registry.url", registry.url());
    gw.put("mesh.gateway.registry.refresh", "300ms");
    // Inside the platform ACLs' prefix "mesh-gateway".
    gw.put("mesh.gateway.group-id", "mesh-gateway-" + TestTopics.unique("secured"));
    gw.put("mesh.gateway.stats-interval", "1s");
    gw.put("mesh.gateway.masking.hash-key", Base64.getEncoder().encodeToString(new byte[32]));
    gw.put("mesh.gateway.masking.encryption-key-file", keyFile.toString());
    gateway = TestServices.start(kafka.as(SecuredTestKafka.GATEWAY), "gateway", gw);
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
  void subscribedConsumersReadCertifiedRecordsWithoutPiiAndDecryptTheEncryptedField()
      throws Exception {
    String product = registerOrdersWithEncryptedEmail();
    DataContract contract = contractOf(product);
    int schemaId = contractJson(product).path("schemaId").asInt();
    List<String> emails = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> orders = producerAs("orders")) {
      for (int i = 0; i < 10; i++) {
        GenericRecord order = OrdersFixture.order(contract, i);
        emails.add(order.get("customerEmail").toString());
        orders
            .send(
                new ProducerRecord<>(
                    product + ".raw",
                    ("ORD-" + i).getBytes(StandardCharsets.UTF_8),
                    ContractCertifierTest.frame(schemaId, contract.valueSchema(), order)))
            .get();
      }
    }
    String subscriptions = "/products/" + product + "/subscriptions";
    assertThat(call("POST", subscriptions, "analytics").statusCode()).isEqualTo(200);
    assertThat(call("POST", subscriptions + "/analytics/approve", "orders").statusCode())
        .isEqualTo(200);

    List<ConsumerRecord<byte[], byte[]>> certified =
        readAs("analytics", product + ".certified", 10, Duration.ofSeconds(90));
    assertThat(certified).hasSize(10);
    List<ConsumerRecord<byte[], byte[]>> raw =
        readAs(SecuredTestKafka.ADMIN, product + ".raw", 10, Duration.ofSeconds(30));
    assertThat(text(raw)).as("the scan can see PII where it is").contains(emails.get(0));

    String certifiedBytes = text(certified);
    for (String email : emails) {
      assertThat(certifiedBytes).doesNotContain(email);
    }
    FieldCipher cipher = FieldCipher.aesGcm(AES_KEY);
    List<String> decrypted = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : certified) {
      GenericRecord value = decode(contract, r.value());
      String masked = value.get("customerEmail").toString();
      assertThat(FieldCipher.isEncrypted(masked)).isTrue();
      decrypted.add(cipher.decrypt(masked, "/customerEmail").orElseThrow());
    }
    assertThat(decrypted).containsExactlyInAnyOrderElementsOf(emails);

    HttpResponse<String> health =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode())
        .as("healthy as its own principal: " + health.body())
        .isEqualTo(200);
  }

  private static String text(List<ConsumerRecord<byte[], byte[]>> records) {
    StringBuilder all = new StringBuilder();
    records.forEach(
        r -> all.append(new String(r.value(), StandardCharsets.ISO_8859_1)).append('\n'));
    return all.toString();
  }

  private static GenericRecord decode(DataContract contract, byte[] framed) throws Exception {
    return new GenericDatumReader<GenericRecord>(contract.valueSchema())
        .read(null, DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null));
  }

  private static String registerOrdersWithEncryptedEmail() throws Exception {
    String name = TestTopics.unique("order-placed").replace('.', '-');
    String yaml =
        OrdersFixture.contractYaml()
            .replaceFirst("(?m)^dataProduct: .*$", "dataProduct: " + name)
            .replace(
                "          - property: masking\n            value: hash",
                "          - property: masking\n            value: encrypt");
    assertThat(yaml).contains("value: encrypt");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + "/contracts"))
                .header("Content-Type", "application/yaml")
                .header("Authorization", "Bearer " + TOKENS.get("orders"))
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String product = "orders." + name;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health().path(product).asText("").equals("1.0.0"));
    return product;
  }

  private static JsonNode health() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return OrdersFixture.JSON
        .readTree(r.body())
        .path("details")
        .path("gateway")
        .path("details")
        .path("versions");
  }

  private static JsonNode contractJson(String product) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + "/contracts/" + product))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return OrdersFixture.JSON.readTree(r.body());
  }

  private static DataContract contractOf(String product) throws Exception {
    return ContractLoader.create()
        .load(contractJson(product).path("document").toString())
        .contract()
        .orElseThrow();
  }

  private static HttpResponse<String> call(String method, String path, String domain)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Authorization", "Bearer " + TOKENS.get(domain))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static KafkaProducer<byte[], byte[]> producerAs(String user) {
    Map<String, Object> props = new HashMap<>(kafka.as(user).clientProperties());
    props.put("acks", "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Reads with a consumer group named after the user's domain, as the ACLs expect. */
  private static List<ConsumerRecord<byte[], byte[]>> readAs(
      String user, String topic, int expected, Duration timeout) {
    Map<String, Object> props = new HashMap<>(kafka.as(user).clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, user + "." + TestTopics.unique("reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
