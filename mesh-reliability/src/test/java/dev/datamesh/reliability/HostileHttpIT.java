package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to the registry, the gateway's ingest API and the catalog: malformed JSON and
 * YAML, bodies over the limits, deep nesting, alias bombs, wrong types, path tricks. Every answer
 * is a 4xx with a JSON {@code {error_code, message}}, never a 500 nor a stack trace, and neither
 * the registry's store nor the raw topic changes.
 */
class HostileHttpIT {
  private static final String JSON = "application/json";
  private static final String YAML = "application/yaml";
  private static final String SR = "application/vnd.schemaregistry.v1+json";

  /** One hostile request. */
  private record Attack(String name, String method, String path, String contentType, String body) {}

  @Test
  void hostileRequestsGetJson4xxAndChangeNothing() throws Exception {
    TestKafka kafka = TestKafka.shared();
    try (TestServices.RunningService registry =
            TestServices.start(
                kafka,
                "registry",
                Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts")));
        TestServices.RunningService gateway =
            TestServices.start(
                kafka,
                "gateway",
                Map.of(
                    "mesh.gateway.registry.url", registry.url(),
                    "mesh.gateway.registry.refresh", "300ms",
                    "mesh.gateway.group-id", TestTopics.unique("gw-http"),
                    "mesh.gateway.stats-topic", TestTopics.unique("stats")));
        TestServices.RunningService lineage =
            TestServices.start(
                kafka,
                "lineage",
                Map.of(
                    "mesh.lineage.registry.url", registry.url(),
                    "mesh.lineage.group-id", TestTopics.unique("lineage-http"),
                    "mesh.lineage.metadata-topic", TestTopics.unique("metadata")))) {
      Http reg = new Http(registry.url());
      OrdersProduct product =
          OrdersProduct.register(reg, TestTopics.unique("http").replace('.', '-'));
      Http gw = new Http(gateway.url());
      awaitGatewayKnows(gw, product);
      String events = "/products/" + product.productId() + "/events";

      Map<String, String> before = registryState(reg);
      long rawBefore = rawRecords(kafka, product);

      List<String> failures = new ArrayList<>();
      int sent = 0;
      for (Attack a : registryAttacks(product)) {
        check(reg, a, failures);
        sent++;
      }
      for (Attack a : gatewayAttacks(events)) {
        check(gw, a, failures);
        sent++;
      }
      Http cat = new Http(lineage.url());
      for (Attack a : catalogAttacks()) {
        check(cat, a, failures);
        sent++;
      }
      System.out.printf(
          "RELIABILITY scenario=hostile-http requests=%d wrong-answers=%d%n",
          sent, failures.size());
      assertThat(failures).as("answers that are not a JSON 4xx without internals").isEmpty();
      assertThat(registryState(reg)).as("the registry's store is unchanged").isEqualTo(before);
      assertThat(rawRecords(kafka, product))
          .as("nothing reached the raw topic")
          .isEqualTo(rawBefore);
      // and the services still work
      assertThat(gw.post(events, JSON, OrdersProduct.orderJson(1).toString()).status())
          .isEqualTo(201);
    }
  }

  private static List<Attack> registryAttacks(OrdersProduct product) {
    String yaml = OrdersProduct.yaml();
    String subject = product.raw() + "-value";
    List<Attack> a = new ArrayList<>();
    a.add(new Attack("yaml-malformed", "POST", "/contracts", YAML, "id: [unclosed\n  - : :\n\t"));
    a.add(new Attack("yaml-not-a-map", "POST", "/contracts", YAML, "- just\n- a list\n"));
    a.add(new Attack("yaml-empty", "POST", "/contracts", YAML, ""));
    a.add(new Attack("yaml-deep-flow", "POST", "/contracts", YAML, "a: " + "[".repeat(50_000)));
    a.add(new Attack("yaml-deep-block", "POST", "/contracts", YAML, deepBlockYaml(3_000)));
    a.add(new Attack("yaml-alias-bomb", "POST", "/contracts", YAML, aliasBomb()));
    a.add(
        new Attack("yaml-huge", "POST", "/contracts", YAML, "description: " + "x".repeat(3 << 20)));
    a.add(
        new Attack(
            "yaml-wrong-types",
            "POST",
            "/contracts",
            YAML,
            yaml.replace("version: 1.0.0", "version: {major: 1}")
                .replaceFirst("(?m)^dataProduct: .*$", "dataProduct: [1, 2]")));
    a.add(
        new Attack(
            "yaml-schema-is-a-number",
            "POST",
            "/contracts",
            YAML,
            yaml.replaceFirst("(?s)\nschema:.*?\nslaProperties:", "\nschema: 42\nslaProperties:")));
    a.add(new Attack("yaml-binary", "POST", "/contracts", YAML, "\u0000\u0001\u0002\uFFFF"));
    a.add(new Attack("json-contract-malformed", "POST", "/contracts", JSON, "{\"id\": "));
    a.add(new Attack("json-contract-deep", "POST", "/contracts", JSON, "[".repeat(100_000)));
    a.add(new Attack("check-malformed", "POST", "/contracts/check", YAML, ":\n:"));
    a.add(
        new Attack(
            "sr-malformed", "POST", "/subjects/" + subject + "/versions", SR, "{\"schema\""));
    a.add(
        new Attack(
            "sr-schema-number",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schema\": 5}"));
    a.add(new Attack("sr-schema-array", "POST", "/subjects/" + subject + "/versions", SR, "[1,2]"));
    a.add(
        new Attack(
            "sr-not-avro",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schema\": \"{\\\"type\\\":\\\"record\\\"}\"}"));
    a.add(
        new Attack(
            "sr-deep-avro",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schema\": \"" + "[".repeat(20_000) + "\"}"));
    a.add(
        new Attack(
            "sr-references-wrong-type",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schema\": \"\\\"string\\\"\", \"references\": \"all\"}"));
    a.add(
        new Attack(
            "sr-unknown-type",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schemaType\": \"PROTOBUF\", \"schema\": \"syntax = 1\"}"));
    a.add(
        new Attack(
            "sr-huge",
            "POST",
            "/subjects/" + subject + "/versions",
            SR,
            "{\"schema\": \"" + "x".repeat(3 << 20) + "\"}"));
    a.add(
        new Attack(
            "compat-malformed",
            "POST",
            "/compatibility/subjects/" + subject + "/versions/latest",
            SR,
            "{"));
    a.add(
        new Attack(
            "config-bad-level", "PUT", "/config/" + subject, SR, "{\"compatibility\": \"NOPE\"}"));
    a.add(new Attack("config-wrong-type", "PUT", "/config", SR, "{\"compatibility\": [1]}"));
    a.add(new Attack("mode-bad", "PUT", "/mode/" + subject, SR, "{\"mode\": \"DESTROY\"}"));
    a.add(new Attack("policies-malformed", "PUT", "/policies", YAML, "policies: [unclosed"));
    a.add(
        new Attack(
            "policies-wrong-types", "PUT", "/policies", YAML, "version: [1]\npolicies: 7\n"));
    for (String path :
        List.of(
            "/subjects/..%2F..%2Fetc%2Fpasswd/versions",
            "/subjects/%2e%2e/versions/1",
            "/subjects/" + subject + "/versions/abc",
            "/subjects/" + subject + "/versions/99999999999999999999",
            "/subjects/" + subject + "/versions/-7",
            "/subjects/%00/versions",
            "/schemas/ids/-1",
            "/schemas/ids/abc",
            "/schemas/ids/99999999999999999999",
            "/schemas/ids/2147483647",
            "/schemas/guids/..%2F..",
            "/contracts/..%2F..%2Fetc%2Fpasswd",
            "/contracts/%00",
            "/contracts/" + "a".repeat(4_000),
            "/contracts/" + product.productId() + "/versions/not-a-version",
            "/contracts/" + product.productId() + "/versions/..%2F..",
            "/contracts/" + product.productId() + "/diff?from=%00&to=garbage",
            "/config/%2e%2e%2f",
            "/no/such/route")) {
      a.add(new Attack("get " + path, "GET", path, null, null));
    }
    a.add(new Attack("delete-traversal", "DELETE", "/subjects/..%2F..%2F/versions/1", null, null));
    a.add(new Attack("wrong-method", "PATCH", "/contracts", YAML, yaml));
    a.add(new Attack("wrong-content-type", "POST", "/contracts", "application/xml", "<contract/>"));
    return a;
  }

  private static List<Attack> gatewayAttacks(String events) {
    List<Attack> a = new ArrayList<>();
    a.add(new Attack("ingest-malformed", "POST", events, JSON, "{\"orderId\": "));
    a.add(new Attack("ingest-empty", "POST", events, JSON, ""));
    a.add(new Attack("ingest-null", "POST", events, JSON, "null"));
    a.add(new Attack("ingest-string", "POST", events, JSON, "\"an order\""));
    a.add(new Attack("ingest-numbers", "POST", events, JSON, "[1, 2, 3]"));
    a.add(new Attack("ingest-deep", "POST", events, JSON, "[".repeat(100_000)));
    a.add(
        new Attack(
            "ingest-deep-object",
            "POST",
            events,
            JSON,
            "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
    a.add(
        new Attack(
            "ingest-wrong-types",
            "POST",
            events,
            JSON,
            "{\"orderId\": 5, \"itemCount\": \"many\", \"placedAt\": [], \"shippingAddress\": 3}"));
    a.add(new Attack("ingest-huge", "POST", events, JSON, "[\"" + "x".repeat(11 << 20) + "\"]"));
    a.add(
        new Attack("ingest-many-small", "POST", events, JSON, "[" + "{},".repeat(200_000) + "{}]"));
    a.add(new Attack("ingest-yaml", "POST", events, YAML, "orderId: x"));
    for (String path :
        List.of(
            "/products/..%2F..%2Fetc/events",
            "/products/%2e%2e/events",
            "/products/orders.%00/events",
            "/products/" + "a".repeat(4_000) + "/events",
            "/products/ORDERS.X/events")) {
      a.add(new Attack("ingest " + path, "POST", path, JSON, "{}"));
    }
    a.add(new Attack("redrive-traversal", "POST", "/products/..%2F../dlq/redrive", JSON, ""));
    a.add(
        new Attack(
            "redrive-unknown", "POST", "/products/orders.nothing-here/dlq/redrive", JSON, "{"));
    return a;
  }

  private static List<Attack> catalogAttacks() {
    List<Attack> a = new ArrayList<>();
    for (String path :
        List.of(
            "/api/products/..%2F..%2Fetc%2Fpasswd",
            "/api/products/%00",
            "/api/products/" + "a".repeat(4_000),
            "/api/products/orders.nothing-here",
            "/api/products/orders.nothing-here/lineage",
            "/api/products/..%2F/consumers",
            "/api/products?status=%00",
            "/api/products?status=" + "x".repeat(5_000),
            "/api/nothing")) {
      a.add(new Attack("get " + path, "GET", path, null, null));
    }
    a.add(new Attack("post-to-catalog", "POST", "/api/products", JSON, "{\"x\":1}"));
    return a;
  }

  private static void check(Http http, Attack a, List<String> failures) {
    Http.Reply r;
    try {
      r = http.send(a.method(), a.path(), a.contentType(), a.body());
    } catch (RuntimeException e) {
      // A server may cut a connection for a body over its limit: that is a refusal, not a leak.
      if (a.name().contains("huge")) {
        return;
      }
      failures.add(a.name() + ": no answer: " + e);
      return;
    }
    String body = r.body() == null ? "" : r.body();
    String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
    if (a.path().equals("/contracts/check")) {
      // The dry run answers every contract with a verdict value, malformed ones included.
      if (r.status() != 200
          || !r.json().path("valid").isBoolean()
          || r.json().path("valid").asBoolean()) {
        failures.add(a.name() + ": expected 200 {valid: false}, got " + r.status() + " " + shown);
      }
      return;
    }
    if (r.status() < 400 || r.status() >= 500) {
      failures.add(a.name() + ": status " + r.status() + " " + shown);
      return;
    }
    JsonNode json;
    try {
      json = Http.JSON.readTree(body);
    } catch (Exception e) {
      failures.add(a.name() + ": " + r.status() + " not JSON: " + shown);
      return;
    }
    if (json == null || !json.has("error_code") || !json.has("message")) {
      failures.add(a.name() + ": " + r.status() + " without error_code/message: " + shown);
      return;
    }
    for (String leak :
        List.of(
            "Exception",
            "\tat ",
            "at dev.datamesh",
            "java.",
            "com.fasterxml",
            "io.micronaut",
            "org.yaml")) {
      if (body.contains(leak)) {
        failures.add(a.name() + ": " + r.status() + " leaks '" + leak + "': " + shown);
        return;
      }
    }
  }

  /** The whole store as seen through the API: subjects, versions, ids, contracts, policies. */
  private static Map<String, String> registryState(Http reg) {
    Map<String, String> state = new HashMap<>();
    state.put("subjects", reg.get("/subjects").body());
    for (JsonNode s : reg.get("/subjects").json()) {
      state.put(s.asText(), reg.get("/subjects/" + s.asText() + "/versions").body());
    }
    state.put("contracts", reg.get("/contracts").body());
    state.put("policies", reg.get("/policies").body());
    state.put("config", reg.get("/config").body());
    state.put("mode", reg.get("/mode").body());
    return state;
  }

  private static long rawRecords(TestKafka kafka, OrdersProduct product) throws Exception {
    try (Admin admin = KafkaTestClients.admin(kafka)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(product.raw()))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(product.raw())
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(product.raw(), p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(i -> i.offset())
          .sum();
    }
  }

  private static void awaitGatewayKnows(Http gw, OrdersProduct product) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (gw.get("/health").body().contains(product.productId())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the gateway never saw " + product.productId());
  }

  private static String deepBlockYaml(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    return b.toString();
  }

  /** The "billion laughs": nine levels of anchors, each nine aliases of the one before. */
  private static String aliasBomb() {
    StringBuilder b =
        new StringBuilder(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ",").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    return b.toString();
  }
}
