package dev.datamesh.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every one of the seven compatibility levels, over HTTP on a real broker: a subject is set to the
 * level, a chain of schemas is registered, and the last registration passes (200) or is refused
 * (409) as Confluent Schema Registry would decide.
 */
class CompatibilityLevelsIT {
  private static TestServices.RunningService registry;
  private static RegistryHttp http;

  // Field fragments of the evolutions; each chain is separated by '|'.
  private static final String F_STRING = "{\"name\":\"f\",\"type\":\"string\"}";
  private static final String F_STRING_DEFAULT =
      "{\"name\":\"f\",\"type\":\"string\",\"default\":\"x\"}";
  private static final String F_INT = "{\"name\":\"f\",\"type\":\"int\"}";
  private static final String F_INT_DEFAULT = "{\"name\":\"f\",\"type\":\"int\",\"default\":0}";
  private static final String G = "{\"name\":\"g\",\"type\":\"string\"}";
  private static final String G_DEFAULT = "{\"name\":\"g\",\"type\":\"string\",\"default\":\"\"}";

  @BeforeAll
  static void start() {
    registry =
        TestServices.start(
            TestKafka.shared(),
            "registry",
            Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts-levels")));
    http = new RegistryHttp(registry.url());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // level; chain of field lists (v1|v2|...); expected status of the last registration
        "BACKWARD; F_STRING | F_STRING,G; 409", // new field without default: old data unreadable
        "BACKWARD; F_STRING | F_STRING,G_DEFAULT; 200",
        "FORWARD; F_STRING | F_STRING,G; 200", // old readers ignore the new field
        "FORWARD; F_STRING | -; 409", // old readers need f
        "FULL; F_STRING | F_STRING,G; 409",
        "FULL; F_STRING | F_STRING,G_DEFAULT; 200",
        "NONE; F_STRING | F_INT; 200", // anything goes
        "BACKWARD; F_INT | - | F_STRING_DEFAULT; 200", // only the latest (empty) is checked
        "BACKWARD_TRANSITIVE; F_INT | - | F_STRING_DEFAULT; 409", // v1's int f is no string
        "FORWARD; F_STRING_DEFAULT | - | F_INT; 200",
        "FORWARD_TRANSITIVE; F_STRING_DEFAULT | - | F_INT; 409",
        "FULL; F_STRING_DEFAULT | - | F_INT_DEFAULT; 200",
        "FULL_TRANSITIVE; F_STRING_DEFAULT | - | F_INT_DEFAULT; 409"
      })
  void theLastRegistrationOfTheChainFollowsTheLevel(String level, String chain, int expected) {
    String subject = TestTopics.unique("levels") + "-value";
    Reply config = http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
    assertThat(config.status()).as(config.body()).isEqualTo(200);

    List<String> versions = List.of(chain.split("\\|"));
    for (int i = 0; i < versions.size(); i++) {
      Reply reply =
          http.post(
              "/subjects/" + subject + "/versions",
              RegistryHttp.schemaBody(record(versions.get(i).trim())));
      if (i < versions.size() - 1) {
        assertThat(reply.status()).as("v%d: %s", i + 1, reply.body()).isEqualTo(200);
      } else {
        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        if (expected == 409) {
          assertThat(reply.errorCode()).isIn(409, 40901);
        }
      }
    }
  }

  private static String record(String fields) {
    StringBuilder json =
        new StringBuilder("{\"type\":\"record\",\"name\":\"Evolving\",\"fields\":[");
    if (!fields.equals("-")) {
      String[] names = fields.split(",");
      for (int i = 0; i < names.length; i++) {
        json.append(i == 0 ? "" : ",").append(field(names[i].trim()));
      }
    }
    return json.append("]}").toString();
  }

  private static String field(String name) {
    return switch (name) {
      case "F_STRING" -> F_STRING;
      case "F_STRING_DEFAULT" -> F_STRING_DEFAULT;
      case "F_INT" -> F_INT;
      case "F_INT_DEFAULT" -> F_INT_DEFAULT;
      case "G" -> G;
      case "G_DEFAULT" -> G_DEFAULT;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
