package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {
  private static final Schema ORDER =
      SchemaBuilder.record("Order").namespace("t").fields().requiredLong("id").endRecord();

  private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(100);
  private final List<SchemaRegistryClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(SchemaRegistryClient::close);
    registry.close();
  }

  @Test
  void schemaOfAnIdIsFetchedOnceAndParsedOnce() {
    int id = registry.register("orders-value", ORDER);
    SchemaRegistryClient client = client(Map.of());

    Schema first = client.getById(id);
    Schema second = client.getById(id);

    assertThat(first).isEqualTo(ORDER);
    assertThat(second).isSameAs(first);
    assertThat(registry.count("GET", "/schemas/ids/" + id)).isEqualTo(1);
  }

  @Test
  void concurrentFirstCallsForOneIdShareOneRequest() throws Exception {
    int id = registry.register("orders-value", ORDER);
    registry.delay(Duration.ofMillis(300));
    SchemaRegistryClient client = client(Map.of());
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Schema>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.getById(id);
                }));
      }
      start.countDown();
      Schema expected = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Schema> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(expected);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.count("GET", "/schemas/ids/")).isEqualTo(1);
  }

  @Test
  void registerIsCachedPerSubjectAndSchemaAndAnswersGetByIdWithoutARequest() {
    SchemaRegistryClient client = client(Map.of());

    int id = client.register("orders-value", ORDER);
    int again = client.register("orders-value", ORDER);
    Schema byId = client.getById(id);
    int otherSubject = client.register("orders-copy-value", ORDER);

    assertThat(id).isEqualTo(100);
    assertThat(again).isEqualTo(id);
    assertThat(otherSubject).isEqualTo(id);
    assertThat(byId).isEqualTo(ORDER);
    assertThat(registry.count("POST", "/subjects/orders-value/versions")).isEqualTo(1);
    assertThat(registry.count("POST", "/subjects/orders-copy-value/versions")).isEqualTo(1);
    assertThat(registry.count("GET", "/schemas/ids/")).isZero();
  }

  @Test
  void lookupGivesIdAndVersionAndIsCached() {
    registry.register("orders-value", SchemaBuilder.record("Old").fields().endRecord());
    int id = registry.register("orders-value", ORDER);
    SchemaRegistryClient client = client(Map.of());

    SchemaVersion found = client.lookup("orders-value", ORDER);
    client.lookup("orders-value", ORDER);

    assertThat(found.id()).isEqualTo(id);
    assertThat(found.version()).isEqualTo(2);
    assertThat(found.subject()).isEqualTo("orders-value");
    assertThat(found.schema()).isEqualTo(ORDER);
    assertThat(registry.count("POST", "/subjects/orders-value")).isEqualTo(1);
  }

  @Test
  void lookupOfAnUnregisteredSchemaFailsWith404AndIsNotCached() {
    registry.register("orders-value", SchemaBuilder.record("Old").fields().endRecord());
    SchemaRegistryClient client = client(Map.of());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.lookup("orders-value", ORDER))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo(40403);
                assertThat(e.isNotFound()).isTrue();
                assertThat(e.getMessage()).contains("Schema not found");
              });
    }
    assertThat(registry.count("POST", "/subjects/orders-value")).isEqualTo(2);
  }

  @Test
  void latestIsCachedForItsTimeToLive() {
    registry.register("orders-value", ORDER);
    SchemaRegistryClient client = client(Map.of());

    SchemaVersion latest = client.latest("orders-value");
    client.latest("orders-value");

    assertThat(latest.version()).isEqualTo(1);
    assertThat(latest.schema()).isEqualTo(ORDER);
    assertThat(registry.count("GET", "/subjects/orders-value/versions/latest")).isEqualTo(1);
  }

  @Test
  void latestWithZeroTimeToLiveAsksEveryTimeAndSeesNewVersions() {
    registry.register("orders-value", ORDER);
    SchemaRegistryClient client =
        client(Map.of(SchemaRegistryClientConfig.LATEST_CACHE_TTL_SEC, "0"));

    assertThat(client.latest("orders-value").version()).isEqualTo(1);
    Schema v2 =
        SchemaBuilder.record("Order")
            .namespace("t")
            .fields()
            .requiredLong("id")
            .optionalString("note")
            .endRecord();
    registry.register("orders-value", v2);

    assertThat(client.latest("orders-value").schema()).isEqualTo(v2);
    assertThat(registry.count("GET", "/subjects/orders-value/versions/latest")).isEqualTo(2);
  }

  @Test
  void requestsCarryTheRegistryMediaTypeAndTheBearerToken() {
    SchemaRegistryClient client =
        client(Map.of(SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, "s3cret"));

    client.register("orders-value", ORDER);

    FakeSchemaRegistry.Request request = registry.requests().get(0);
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.authorization()).isEqualTo("Bearer s3cret");
    assertThat(request.body()).contains("\"schema\"").contains("Order");
  }

  @Test
  void basicUserInfoIsSentAsBasicAuth() {
    SchemaRegistryClient client =
        client(Map.of(SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "alice:pw"));

    client.register("orders-value", ORDER);

    assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic YWxpY2U6cHc=");
  }

  @Test
  void subjectsAreUrlEncodedPathSegments() {
    SchemaRegistryClient client = client(Map.of());

    client.register("a b/c:d-value", ORDER);

    assertThat(registry.requests().get(0).path())
        .isEqualTo("/subjects/a%20b%2Fc%3Ad-value/versions");
  }

  @Test
  void errorJsonBecomesATypedException() {
    registry.failWith(
        409, "{\"error_code\":40901,\"message\":\"Schema being registered is incompatible\"}");
    SchemaRegistryClient client = client(Map.of());

    assertThatThrownBy(() -> client.register("orders-value", ORDER))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(40901);
              assertThat(e.getMessage()).contains("incompatible");
            });
  }

  @Test
  void unparsableErrorBodyKeepsTheStatus() {
    registry.failWith(503, "<html>upstream down</html>");
    SchemaRegistryClient client = client(Map.of());

    assertThatThrownBy(() -> client.getById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNPARSABLE_ERROR_BODY);
              assertThat(e.getMessage()).contains("upstream down");
            });
  }

  @Test
  void nonAvroSchemasAreRejected() {
    registry.failWith(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");
    SchemaRegistryClient client = client(Map.of());

    assertThatThrownBy(() -> client.getById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNUSABLE_SCHEMA));
  }

  @Test
  void slowRegistryTimesOutWithNoResponse() {
    registry.register("orders-value", ORDER);
    registry.delay(Duration.ofSeconds(3));
    SchemaRegistryClient client =
        client(Map.of(SchemaRegistryClientConfig.REQUEST_TIMEOUT_MS, "200"));

    assertThatThrownBy(() -> client.getById(100))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE));
  }

  @Test
  void anUnreachableUrlFailsOverToTheNextOne() {
    int id = registry.register("orders-value", ORDER);
    SchemaRegistryClient client =
        client(
            Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                "http://127.0.0.1:1," + registry.url()));

    assertThat(client.getById(id)).isEqualTo(ORDER);
  }

  private SchemaRegistryClient client(Map<String, String> overrides) {
    Map<String, Object> config = new java.util.HashMap<>();
    config.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url());
    config.putAll(overrides);
    SchemaRegistryClient client =
        SchemaRegistryClient.create(SchemaRegistryClientConfig.from(config));
    clients.add(client);
    return client;
  }
}
