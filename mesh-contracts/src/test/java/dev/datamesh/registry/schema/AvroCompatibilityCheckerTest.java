package dev.datamesh.registry.schema;

import static dev.datamesh.registry.schema.CompatibilityLevel.BACKWARD;
import static dev.datamesh.registry.schema.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static dev.datamesh.registry.schema.CompatibilityLevel.FORWARD;
import static dev.datamesh.registry.schema.CompatibilityLevel.FORWARD_TRANSITIVE;
import static dev.datamesh.registry.schema.CompatibilityLevel.FULL;
import static dev.datamesh.registry.schema.CompatibilityLevel.FULL_TRANSITIVE;
import static dev.datamesh.registry.schema.CompatibilityLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroCompatibilityCheckerTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\"}]}";
  private static final String V1_NAME_DEFAULT =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}]}";

  private final CompatibilityChecker checker = CompatibilityChecker.avro();

  private static Schema parse(String s) {
    return new Schema.Parser().parse(s);
  }

  private static String with(String extraField) {
    return V1.replace("]}", "," + extraField + "]}");
  }

  /** old schema, new schema, and the levels under which the change is allowed. */
  static Stream<Arguments> evolutions() {
    Set<CompatibilityLevel> all = EnumSet.allOf(CompatibilityLevel.class);
    Set<CompatibilityLevel> backwardOnly = EnumSet.of(BACKWARD, BACKWARD_TRANSITIVE, NONE);
    Set<CompatibilityLevel> forwardOnly = EnumSet.of(FORWARD, FORWARD_TRANSITIVE, NONE);
    Set<CompatibilityLevel> noneOnly = EnumSet.of(NONE);
    return Stream.of(
        Arguments.of(
            "add field with default",
            V1,
            with("{\"name\":\"x\",\"type\":\"string\",\"default\":\"\"}"),
            all),
        Arguments.of(
            "add field without default",
            V1,
            with("{\"name\":\"x\",\"type\":\"string\"}"),
            forwardOnly),
        Arguments.of(
            "remove field without default",
            V1,
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}",
            backwardOnly),
        Arguments.of(
            "remove field with default",
            V1_NAME_DEFAULT,
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}",
            all),
        Arguments.of("widen int to long", V1, V1.replace("\"int\"", "\"long\""), backwardOnly),
        Arguments.of("narrow long to int", V1.replace("\"int\"", "\"long\""), V1, forwardOnly),
        Arguments.of("change int to string", V1, V1.replace("\"int\"", "\"string\""), noneOnly),
        Arguments.of("rename record", V1, V1.replace("\"name\":\"R\"", "\"name\":\"S\""), noneOnly),
        Arguments.of(
            "rename field", V1, V1.replace("\"name\":\"name\"", "\"name\":\"label\""), noneOnly),
        Arguments.of(
            "rename field with alias",
            V1,
            V1.replace(
                "{\"name\":\"name\",\"type\":\"string\"}",
                "{\"name\":\"label\",\"type\":\"string\",\"aliases\":[\"name\"]}"),
            backwardOnly));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evolutions")
  void typicalEvolutionsAreAllowedExactlyUnderTheExpectedLevels(
      String change, String old, String candidate, Set<CompatibilityLevel> allowed) {
    List<PreviousSchema> previous = List.of(new PreviousSchema(1, parse(old), old));
    Set<CompatibilityLevel> actual = EnumSet.noneOf(CompatibilityLevel.class);
    for (CompatibilityLevel level : CompatibilityLevel.values()) {
      CompatibilityResult r = checker.check(level, parse(candidate), previous);
      if (r.compatible()) {
        actual.add(level);
        assertThat(r.messages()).isEmpty();
      } else {
        assertThat(r.messages())
            .last()
            .isEqualTo("{validateFields: 'false', compatibility: '" + level + "'}");
      }
    }
    assertThat(actual).as(change).isEqualTo(allowed);
  }

  @Test
  void transitiveLevelsCheckEveryVersionAndOthersOnlyTheLatest() {
    String v1 =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    String v2 =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}";
    String v3 =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}]}";
    List<PreviousSchema> history = new ArrayList<>();
    history.add(new PreviousSchema(1, parse(v1), v1));
    history.add(new PreviousSchema(2, parse(v2), v2));
    assertThat(checker.check(BACKWARD, parse(v3), history).compatible()).isTrue();
    CompatibilityResult transitive = checker.check(BACKWARD_TRANSITIVE, parse(v3), history);
    assertThat(transitive.compatible()).isFalse();
    assertThat(transitive.messages())
        .contains("{oldSchemaVersion: 1}", "{oldSchema: '" + v1 + "'}");
    assertThat(checker.check(FULL, parse(v3), history).compatible()).isTrue();
    assertThat(checker.check(FULL_TRANSITIVE, parse(v3), history).compatible()).isFalse();
    assertThat(checker.check(BACKWARD, parse(v3), List.of()).compatible())
        .as("first version")
        .isTrue();
  }

  @Test
  void messagesUseConfluentsWordingAndDirection() {
    String added = with("{\"name\":\"x\",\"type\":\"string\"}");
    List<PreviousSchema> previous = List.of(new PreviousSchema(3, parse(V1), V1));
    assertThat(checker.check(BACKWARD, parse(added), previous).messages().get(0))
        .isEqualTo(
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'x' at path '/fields/2' in the new"
                + " schema has no default value and is missing in the old schema', additionalInfo:'x'}");
    String removed =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";
    assertThat(checker.check(FORWARD, parse(removed), previous).messages().get(0))
        .contains("in the old schema has no default value and is missing in the new schema");
    assertThat(
            checker
                .check(BACKWARD, parse(V1.replace("\"int\"", "\"string\"")), previous)
                .messages()
                .get(0))
        .startsWith(
            "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema does not match with the old schema'");
  }
}
