package dev.datamesh.registry.http;

import static dev.datamesh.registry.RegistryHttp.record;
import static dev.datamesh.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Confluent Schema Registry API, endpoint by endpoint, on a real broker (§9 checklist). */
@MicronautTest(environments = "registry")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfluentApiIT implements TestPropertyProvider {
  private static final String TOPIC = TestTopics.unique("mesh-contracts-api");
  private static final AtomicInteger NAMES = new AtomicInteger();
  // Each test evolves its own record type, so no two tests share schema content (and ids).
  private String name = "Order";
  private String V1;
  private String V2_WITH_DEFAULT;
  private String V2_WITHOUT_DEFAULT;

  @Inject EmbeddedServer server;
  private RegistryHttp http;

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
  void client() {
    http = new RegistryHttp("http://localhost:" + server.getPort());
  }

  @BeforeEach
  void ownRecordType() {
    name = "Order" + NAMES.incrementAndGet();
    V1 = record(name, "id");
    V2_WITH_DEFAULT =
        "{\"type\":\"record\",\"name\":\""
            + name
            + "\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
    V2_WITHOUT_DEFAULT = record(name, "id", "note");
  }

  private static String subject(String hint) {
    return TestTopics.unique(hint) + "-value";
  }

  private JsonNode register(String subject, String schema) {
    Reply r = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void registeredSchemaIsReadableThroughEveryReadEndpoint() {
    String s = subject("orders");
    Reply reg = http.post("/subjects/" + s + "/versions", schemaBody(V1));
    assertThat(reg.status()).isEqualTo(200);
    assertThat(reg.contentType()).startsWith(RegistryHttp.CONTENT_TYPE);
    JsonNode created = reg.json();
    int id = created.path("id").asInt();
    assertThat(id).isPositive();
    assertThat(created.path("version").asInt()).isEqualTo(1);
    assertThat(created.path("schema").asText()).isEqualTo(V1);
    String guid = created.path("guid").asText();
    assertThat(guid).hasSize(36);

    for (String v : List.of("1", "latest", "-1")) {
      JsonNode version = http.get("/subjects/" + s + "/versions/" + v).json();
      assertThat(version.path("subject").asText()).isEqualTo(s);
      assertThat(version.path("version").asInt()).isEqualTo(1);
      assertThat(version.path("id").asInt()).isEqualTo(id);
      assertThat(version.path("schema").asText()).isEqualTo(V1);
      assertThat(version.has("deleted")).isFalse();
    }
    assertThat(http.get("/subjects/" + s + "/versions/1/schema").json().path("name").asText())
        .isEqualTo(name);
    JsonNode byId =
        http.get("/schemas/ids/" + id + "?subject=unrelated-value&fetchMaxId=false").json();
    assertThat(byId.path("schema").asText()).isEqualTo(V1);
    assertThat(byId.path("guid").asText()).isEqualTo(guid);
    assertThat(http.get("/schemas/guids/" + guid).json().path("schema").asText()).isEqualTo(V1);
    assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString())
        .isEqualTo("[\"" + s + "\"]");
    assertThat(http.get("/schemas/ids/" + id + "/versions").json().toString())
        .isEqualTo("[{\"subject\":\"" + s + "\",\"version\":1}]");
    assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1]");
    assertThat(texts(http.get("/subjects").json())).contains(s);
    assertThat(texts(http.get("/subjects?subjectPrefix=" + s).json())).containsExactly(s);
    assertThat(http.get("/schemas/ids/" + (id + 100000)).errorCode()).isEqualTo(40403);
    assertThat(http.get("/schemas/ids/not-a-number").errorCode()).isEqualTo(40403);
    assertThat(http.get("/schemas/guids/00000000-0000-0000-0000-000000000000").errorCode())
        .isEqualTo(40403);
  }

  @Test
  void reRegistrationIsIdempotentAndTheSameContentKeepsItsIdAcrossSubjects() {
    String s = subject("idem");
    int id = register(s, V1).path("id").asInt();
    String pretty =
        "{\n  \"name\": \""
            + name
            + "\", \"type\": \"record\",\n \"fields\": [ {\"type\": \"string\", \"name\": \"id\"} ] }";
    JsonNode again = register(s, pretty);
    assertThat(again.path("id").asInt()).isEqualTo(id);
    assertThat(again.path("version").asInt()).isEqualTo(1);
    JsonNode elsewhere = register(subject("idem-other"), pretty);
    assertThat(elsewhere.path("id").asInt()).isEqualTo(id);
    assertThat(elsewhere.path("version").asInt()).isEqualTo(1);
    assertThat(http.get("/schemas/ids/" + id + "/subjects").json()).hasSize(2);
  }

  @Test
  void normalizeMakesDifferentlyWrittenEqualSchemasShareAnId() {
    String a =
        "{\"type\":\"record\",\"name\":\"N\",\"namespace\":\"x\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}],\"p1\":\"1\",\"p2\":\"2\"}";
    String b =
        "{\"type\":\"record\",\"name\":\"x.N\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}],\"p2\":\"2\",\"p1\":\"1\"}";
    int plainA = register(subject("plain-a"), a).path("id").asInt();
    int plainB = register(subject("plain-b"), b).path("id").asInt();
    assertThat(plainB).isNotEqualTo(plainA);
    Reply na =
        http.post("/subjects/" + subject("norm-a") + "/versions?normalize=true", schemaBody(a));
    Reply nb =
        http.post("/subjects/" + subject("norm-b") + "/versions?normalize=true", schemaBody(b));
    assertThat(na.json().path("id").asInt()).isEqualTo(nb.json().path("id").asInt());
    assertThat(na.json().path("schema").asText()).contains("\"name\":\"x.N\"");
  }

  @Test
  void lookupFindsTheVersionIgnoringUnknownPropertiesAndReportsMisses() {
    String s = subject("lookup");
    int id = register(s, V1).path("id").asInt();
    Reply found =
        http.post(
            "/subjects/" + s + "?normalize=false&deleted=false",
            schemaBody(
                V1,
                Map.of("subject", "x", "guid", "y", "ts", 1, "version", 7, "unknownThing", true)));
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.json().path("id").asInt()).isEqualTo(id);
    assertThat(found.json().path("version").asInt()).isEqualTo(1);
    assertThat(found.json().path("subject").asText()).isEqualTo(s);
    assertThat(http.post("/subjects/" + s, schemaBody(record("Other", "a"))).errorCode())
        .isEqualTo(40403);
    assertThat(http.post("/subjects/" + subject("nobody"), schemaBody(V1)).errorCode())
        .isEqualTo(40401);
    assertThat(http.post("/subjects/" + s, schemaBody("{not avro")).errorCode()).isEqualTo(42201);

    assertThat(http.delete("/subjects/" + s + "/versions/1").status()).isEqualTo(200);
    assertThat(http.post("/subjects/" + s, schemaBody(V1)).errorCode()).isEqualTo(40401);
    Reply deleted = http.post("/subjects/" + s + "?deleted=true", schemaBody(V1));
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
  }

  @Test
  void compatibilityChecksFollowTheSubjectLevelAndExplainThemselves() {
    String s = subject("compat");
    assertThat(
            http.post("/compatibility/subjects/" + s + "/versions/latest", schemaBody(V1))
                .json()
                .path("is_compatible")
                .asBoolean())
        .isTrue();
    register(s, V1);
    JsonNode ok =
        http.post("/compatibility/subjects/" + s + "/versions/latest", schemaBody(V2_WITH_DEFAULT))
            .json();
    assertThat(ok.path("is_compatible").asBoolean()).isTrue();
    assertThat(ok.has("messages")).isFalse();
    JsonNode bad =
        http.post(
                "/compatibility/subjects/" + s + "/versions/1?verbose=true",
                schemaBody(V2_WITHOUT_DEFAULT))
            .json();
    assertThat(bad.path("is_compatible").asBoolean()).isFalse();
    assertThat(bad.path("messages").get(0).asText())
        .contains("errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
        .contains(
            "The field 'note' at path '/fields/1' in the new schema has no default value and is missing in the old schema");
    assertThat(texts(bad.path("messages")))
        .contains("{validateFields: 'false', compatibility: 'BACKWARD'}");
    assertThat(
            http.post("/compatibility/subjects/" + s + "/versions", schemaBody(V2_WITHOUT_DEFAULT))
                .json()
                .path("is_compatible")
                .asBoolean())
        .isFalse();
    assertThat(
            http.post("/compatibility/subjects/" + s + "/versions/7", schemaBody(V1)).errorCode())
        .isEqualTo(40402);
    assertThat(
            http.post("/compatibility/subjects/" + subject("none") + "/versions/3", schemaBody(V1))
                .errorCode())
        .isEqualTo(40401);
    assertThat(
            http.post(
                    "/compatibility/subjects/" + s + "/versions/latest",
                    schemaBody("{\"type\":\"nope\"}"))
                .errorCode())
        .isEqualTo(42201);
    assertThat(
            http.post(
                    "/compatibility/subjects/" + s + "/versions/latest?verbose=true",
                    schemaBody("{\"type\":\"nope\"}"))
                .json()
                .path("is_compatible")
                .asBoolean())
        .isFalse();

    Reply refused = http.post("/subjects/" + s + "/versions", schemaBody(V2_WITHOUT_DEFAULT));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo(409);
    assertThat(refused.message())
        .startsWith(
            "Schema being registered is incompatible with an earlier schema for subject \""
                + s
                + "\"")
        .contains("{oldSchemaVersion: 1}");
    assertThat(register(s, V2_WITH_DEFAULT).path("version").asInt()).isEqualTo(2);
    assertThat(
            http.post("/subjects/" + s + "/versions?force=true", schemaBody(record(name, "x")))
                .status())
        .isEqualTo(200);
  }

  @Test
  void subjectConfigOverridesTheGlobalLevelUntilDeleted() {
    String s = subject("config");
    assertThat(http.get("/config").json().path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    Reply none = http.get("/config/" + s);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.errorCode()).isEqualTo(40408);
    assertThat(
            http.get("/config/" + s + "?defaultToGlobal=true")
                .json()
                .path("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD");
    Reply put = http.put("/config/" + s, "{\"compatibility\":\"none\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(http.get("/config/" + s).json().path("compatibilityLevel").asText())
        .isEqualTo("NONE");
    register(s, V1);
    assertThat(http.post("/subjects/" + s + "/versions", schemaBody(V2_WITHOUT_DEFAULT)).status())
        .isEqualTo(200);
    assertThat(http.put("/config/" + s, "{\"compatibility\":\"SIDEWAYS\"}").errorCode())
        .isEqualTo(42203);
    assertThat(http.delete("/config/" + s).json().path("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(http.get("/config/" + s).errorCode()).isEqualTo(40408);
    assertThat(http.delete("/config/" + s).errorCode()).isEqualTo(40408);

    Reply global = http.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    try {
      assertThat(global.json().path("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
      assertThat(http.get("/config").json().path("compatibilityLevel").asText())
          .isEqualTo("FULL_TRANSITIVE");
    } finally {
      http.delete("/config");
    }
    assertThat(http.get("/config").json().path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
  }

  @Test
  void modesGateWritesAndImportTakesExplicitIds() {
    String s = subject("mode");
    register(s, V1);
    assertThat(http.get("/mode").json().path("mode").asText()).isEqualTo("READWRITE");
    assertThat(http.get("/mode/" + s).errorCode()).isEqualTo(40409);
    assertThat(http.get("/mode/" + s + "?defaultToGlobal=true").json().path("mode").asText())
        .isEqualTo("READWRITE");
    assertThat(http.put("/mode/" + s, "{\"mode\":\"READONLY\"}").json().path("mode").asText())
        .isEqualTo("READONLY");
    Reply refused = http.post("/subjects/" + s + "/versions", schemaBody(V2_WITH_DEFAULT));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42205);
    assertThat(http.delete("/subjects/" + s).errorCode()).isEqualTo(42205);
    assertThat(http.put("/mode/" + s, "{\"mode\":\"SLEEPY\"}").errorCode()).isEqualTo(42204);
    assertThat(http.delete("/mode/" + s).json().path("mode").asText()).isEqualTo("READONLY");
    assertThat(http.get("/mode/" + s).errorCode()).isEqualTo(40409);
    assertThat(http.put("/mode/" + s, "{\"mode\":\"IMPORT\"}").errorCode()).isEqualTo(42205);

    String imported = subject("import");
    assertThat(http.put("/mode/" + imported, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
    assertThat(http.post("/subjects/" + imported + "/versions", schemaBody(V1)).errorCode())
        .isEqualTo(42205);
    Reply withId =
        http.post(
            "/subjects/" + imported + "/versions",
            schemaBody(record("Imported" + name, "a"), Map.of("id", 900001, "version", 5)));
    assertThat(withId.status()).as(withId.body()).isEqualTo(200);
    assertThat(withId.json().path("id").asInt()).isEqualTo(900001);
    assertThat(withId.json().path("version").asInt()).isEqualTo(5);
    assertThat(
            http.post(
                    "/subjects/" + imported + "/versions",
                    schemaBody(record("Clash", "a"), Map.of("id", 900001)))
                .errorCode())
        .isEqualTo(42207);
    http.delete("/mode/" + imported);
    assertThat(
            http.post(
                    "/subjects/" + imported + "/versions",
                    schemaBody(record("Imported" + name, "a", "b"), Map.of("id", 5)))
                .errorCode())
        .isEqualTo(42205);

    assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").status()).isEqualTo(200);
    try {
      assertThat(http.post("/subjects/" + subject("ro") + "/versions", schemaBody(V1)).errorCode())
          .isEqualTo(42205);
      assertThat(http.put("/mode", "{\"mode\":\"IMPORT\"}").errorCode()).isEqualTo(42205);
    } finally {
      http.put("/mode", "{\"mode\":\"READWRITE\"}");
    }
    assertThat(http.get("/mode").json().path("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void softAndPermanentDeletionFollowConfluentRules() {
    String s = subject("delete");
    int id1 = register(s, V1).path("id").asInt();
    register(s, V2_WITH_DEFAULT);
    assertThat(http.delete("/subjects/" + s + "/versions/1?permanent=true").errorCode())
        .isEqualTo(40407);
    assertThat(http.delete("/subjects/" + s + "/versions/1").json().asInt()).isEqualTo(1);
    assertThat(http.delete("/subjects/" + s + "/versions/1").errorCode()).isEqualTo(40406);
    assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[2]");
    assertThat(http.get("/subjects/" + s + "/versions?deleted=true").json().toString())
        .isEqualTo("[1,2]");
    assertThat(http.get("/subjects/" + s + "/versions?deletedOnly=true").json().toString())
        .isEqualTo("[1]");
    assertThat(http.get("/subjects/" + s + "/versions/1").errorCode()).isEqualTo(40402);
    assertThat(
            http.get("/subjects/" + s + "/versions/1?deleted=true")
                .json()
                .path("deleted")
                .asBoolean())
        .isTrue();
    assertThat(http.get("/schemas/ids/" + id1).status())
        .as("soft-deleted ids stay resolvable")
        .isEqualTo(200);
    assertThat(http.delete("/subjects/" + s + "/versions/1?permanent=true").json().asInt())
        .isEqualTo(1);
    assertThat(http.get("/subjects/" + s + "/versions?deleted=true").json().toString())
        .isEqualTo("[2]");
    assertThat(http.delete("/subjects/" + s + "/versions/9").errorCode()).isEqualTo(40402);
    assertThat(http.delete("/subjects/" + s + "/versions/zero").errorCode()).isEqualTo(42202);

    assertThat(http.delete("/subjects/" + s + "?permanent=true").errorCode()).isEqualTo(40405);
    assertThat(http.delete("/subjects/" + s).json().toString()).isEqualTo("[2]");
    assertThat(http.delete("/subjects/" + s).errorCode()).isEqualTo(40404);
    assertThat(http.get("/subjects/" + s + "/versions").errorCode()).isEqualTo(40401);
    assertThat(texts(http.get("/subjects").json())).doesNotContain(s);
    assertThat(texts(http.get("/subjects?deleted=true").json())).contains(s);
    assertThat(texts(http.get("/subjects?deletedOnly=true").json())).contains(s);

    JsonNode back = register(s, V2_WITH_DEFAULT);
    assertThat(back.path("version").asInt())
        .as("re-registering after soft delete gives a new version")
        .isEqualTo(3);
    assertThat(http.delete("/subjects/" + s).status()).isEqualTo(200);
    assertThat(http.delete("/subjects/" + s + "?permanent=true").json().toString())
        .isEqualTo("[2,3]");
    assertThat(http.get("/subjects/" + s + "/versions?deleted=true").errorCode()).isEqualTo(40401);
    assertThat(http.delete("/subjects/" + s).errorCode()).isEqualTo(40401);
    assertThat(http.get("/schemas/ids/" + id1).errorCode()).isEqualTo(40403);
    assertThat(register(s, V1).path("id").asInt())
        .as("ids are never reused for other content")
        .isEqualTo(id1);
  }

  @Test
  void versionPathsAreValidated() {
    String s = subject("versions");
    register(s, V1);
    assertThat(http.get("/subjects/" + s + "/versions/abc").errorCode()).isEqualTo(42202);
    assertThat(http.get("/subjects/" + s + "/versions/0").errorCode()).isEqualTo(42202);
    assertThat(http.get("/subjects/" + s + "/versions/-2").errorCode()).isEqualTo(42202);
    assertThat(http.get("/subjects/" + s + "/versions/2").errorCode()).isEqualTo(40402);
    assertThat(http.get("/subjects/" + subject("ghost") + "/versions/1").errorCode())
        .isEqualTo(40401);
    assertThat(http.get("/subjects/" + subject("ghost") + "/versions").errorCode())
        .isEqualTo(40401);
  }

  @Test
  void metadataAndRulesAreStoredReturnedAndInherited() {
    String s = subject("contract");
    Map<String, Object> contract =
        Map.of(
            "metadata",
                Map.of(
                    "properties",
                    Map.of("owner", "orders-team", "tier", "gold"),
                    "tags",
                    Map.of(name + ".id", List.of("PII"))),
            "ruleSet",
                Map.of(
                    "domainRules",
                    List.of(
                        Map.of(
                            "name",
                            "idPresent",
                            "kind",
                            "CONDITION",
                            "type",
                            "CEL",
                            "mode",
                            "WRITE",
                            "expr",
                            "message.id != ''"))));
    Reply first = http.post("/subjects/" + s + "/versions", schemaBody(V1, contract));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    int id = first.json().path("id").asInt();
    assertThat(first.json().path("metadata").path("properties").path("owner").asText())
        .isEqualTo("orders-team");
    assertThat(first.json().path("ruleSet").path("domainRules").get(0).path("name").asText())
        .isEqualTo("idPresent");

    JsonNode plain = register(s, V1);
    assertThat(plain.path("id").asInt())
        .as("a contract-less re-register returns the contract-bearing id")
        .isEqualTo(id);
    assertThat(plain.path("version").asInt()).isEqualTo(1);
    JsonNode evolved = register(s, V2_WITH_DEFAULT);
    assertThat(evolved.path("version").asInt()).isEqualTo(2);
    assertThat(evolved.path("metadata").path("properties").path("tier").asText()).isEqualTo("gold");
    assertThat(evolved.path("ruleSet").path("domainRules").get(0).path("expr").asText())
        .isEqualTo("message.id != ''");
    JsonNode byId = http.get("/schemas/ids/" + evolved.path("id").asInt()).json();
    assertThat(byId.path("ruleSet").path("domainRules")).hasSize(1);

    assertThat(
            http.get("/subjects/" + s + "/metadata?key=owner&value=orders-team")
                .json()
                .path("version")
                .asInt())
        .isEqualTo(2);
    assertThat(
            http.get(
                    "/subjects/"
                        + s
                        + "/metadata?deleted=true&&key=tier&value=gold&key=owner&value=orders-team")
                .json()
                .path("version")
                .asInt())
        .isEqualTo(2);
    assertThat(http.get("/subjects/" + s + "/metadata?key=owner&value=someone-else").errorCode())
        .isEqualTo(40403);
    assertThat(http.get("/subjects/" + subject("nothing") + "/metadata?key=a&value=b").errorCode())
        .isEqualTo(40401);

    Reply badRule =
        http.post(
            "/subjects/" + subject("badrule") + "/versions",
            schemaBody(
                V1,
                Map.of(
                    "ruleSet",
                    Map.of(
                        "domainRules",
                        List.of(
                            Map.of("name", "1bad", "type", "CEL"),
                            Map.of("name", "dup", "type", "CEL"),
                            Map.of("name", "dup", "type", "CEL"))))));
    assertThat(badRule.status()).isEqualTo(422);
    assertThat(badRule.errorCode()).isEqualTo(42210);
    assertThat(badRule.message()).contains("1bad").contains("not unique");
  }

  @Test
  void referencesResolveAndProtectReferencedVersions() {
    String address = subject("address");
    String addressSchema =
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    register(address, addressSchema);
    String customer = subject("customer");
    String customerSchema =
        "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"home\",\"type\":\"com.acme.Address\"}]}";
    Reply withRef =
        http.post(
            "/subjects/" + customer + "/versions",
            schemaBody(
                customerSchema,
                Map.of(
                    "references",
                    List.of(
                        Map.of("name", "com.acme.Address", "subject", address, "version", 1)))));
    assertThat(withRef.status()).as(withRef.body()).isEqualTo(200);
    assertThat(withRef.json().path("schema").asText()).doesNotContain("city");
    assertThat(withRef.json().path("references").get(0).path("subject").asText())
        .isEqualTo(address);
    int customerId = withRef.json().path("id").asInt();
    assertThat(http.get("/subjects/" + address + "/versions/1/referencedby").json().toString())
        .isEqualTo("[" + customerId + "]");
    assertThat(http.get("/subjects/" + customer + "/versions/1/referencedby").json().toString())
        .isEqualTo("[]");
    assertThat(http.delete("/subjects/" + address + "/versions/1").errorCode()).isEqualTo(42206);
    assertThat(
            http.post("/subjects/" + subject("dangling") + "/versions", schemaBody(customerSchema))
                .errorCode())
        .isEqualTo(42201);
  }

  @Test
  void serviceEndpointsAnswerLikeConfluent() {
    assertThat(http.get("/").json().toString()).isEqualTo("{}");
    assertThat(http.get("/contexts").json().toString()).isEqualTo("[\".\"]");
    assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    Reply associations =
        http.get("/associations/resources/-/orders?resourceType=topic&associationType=value");
    assertThat(associations.status()).isEqualTo(404);
    assertThat(associations.errorCode()).isEqualTo(404);
    assertThat(associations.message()).isEqualTo("HTTP 404 Not Found");
    assertThat(http.get("/no/such/route").errorCode()).isEqualTo(404);
    Reply patch = http.send("PATCH", "/subjects", "{}", RegistryHttp.CONTENT_TYPE);
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.errorCode()).isEqualTo(405);
  }

  @Test
  void badInputGetsFourHundredsWithJsonBodies() {
    String s = subject("bad");
    List<Reply> replies = new ArrayList<>();
    Reply json =
        http.post(
            "/subjects/" + s + "/versions",
            schemaBody("{\"type\":\"object\"}", Map.of("schemaType", "JSON")));
    assertThat(json.errorCode()).isEqualTo(42201);
    assertThat(json.message()).contains("JSON").contains("AVRO");
    replies.add(json);
    Reply invalid =
        http.post(
            "/subjects/" + s + "/versions",
            schemaBody(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"));
    assertThat(invalid.errorCode()).isEqualTo(42201);
    replies.add(invalid);
    Reply malformed = http.post("/subjects/" + s + "/versions", "{\"schema\": ");
    assertThat(malformed.status()).isEqualTo(400);
    replies.add(malformed);
    Reply wrongShape =
        http.post(
            "/subjects/" + s + "/versions",
            "{\"schema\": {\"type\": \"string\"}, \"version\": \"x\"}");
    assertThat(wrongShape.status()).isEqualTo(422);
    replies.add(wrongShape);
    Reply empty = http.post("/subjects/" + s + "/versions", "");
    assertThat(empty.status()).isEqualTo(400);
    replies.add(empty);
    Reply textPlain =
        http.send("POST", "/subjects/" + s + "/versions", schemaBody(V1), "text/plain");
    assertThat(textPlain.status()).isEqualTo(415);
    replies.add(textPlain);
    String big =
        "{\"type\":\"record\",\"name\":\"Big\",\"doc\":\""
            + "x".repeat(600_000)
            + "\",\"fields\":[]}";
    Reply tooLarge = http.post("/subjects/" + s + "/versions", schemaBody(big));
    assertThat(tooLarge.status()).isEqualTo(422);
    assertThat(tooLarge.errorCode()).isEqualTo(42209);
    replies.add(tooLarge);
    Reply huge = http.post("/subjects/" + s + "/versions", schemaBody("x".repeat(3_000_000)));
    assertThat(huge.status()).isEqualTo(413);
    replies.add(huge);
    Reply badSubject = http.post("/subjects/%20/versions", schemaBody(V1));
    assertThat(badSubject.errorCode()).isEqualTo(42208);
    replies.add(badSubject);
    for (Reply r : replies) {
      assertThat(r.status()).as(r.body()).isBetween(400, 499);
      assertThat(r.json().path("error_code").asInt()).as(r.body()).isPositive();
      assertThat(r.json().path("message").asText())
          .as(r.body())
          .isNotBlank()
          .doesNotContain("\tat ");
    }
    assertThat(http.get("/subjects/" + s + "/versions").errorCode())
        .as("nothing was registered")
        .isEqualTo(40401);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
