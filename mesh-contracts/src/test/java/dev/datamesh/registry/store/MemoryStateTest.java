package dev.datamesh.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryStateTest {

  private static StoredSchema schema(int id, List<SchemaReference> refs) {
    return new StoredSchema(
        id, "AVRO", "\"s" + id + "\"", refs, null, null, "hash-" + id, "guid-" + id);
  }

  private static Fact version(String subject, int v, int id, boolean deleted) {
    return new Fact.VersionPut(new SubjectVersion(subject, v, id, deleted, 1000L + v));
  }

  @Test
  void aVersionPutReplacesThePreviousFactForItsKeyAndUpdatesTheIdIndex() {
    RegistryStateMachine state = RegistryStateMachine.empty();
    state.apply(new Fact.SchemaPut(schema(1, List.of())));
    state.apply(new Fact.SchemaPut(schema(2, List.of())));
    state.apply(version("s", 1, 1, false));
    state.apply(version("s", 1, 1, true));
    state.apply(version("t", 1, 1, false));
    assertThat(state.versions("s")).hasSize(1);
    assertThat(state.versions("s").get(1).deleted()).isTrue();
    assertThat(state.usages(1)).extracting(SubjectVersion::subject).containsExactly("s", "t");
    assertThat(state.maxSchemaId()).isEqualTo(2);
    assertThat(state.schemaByIdentity("hash-2").orElseThrow().id()).isEqualTo(2);
    assertThat(state.schemaByGuid("guid-1").orElseThrow().id()).isEqualTo(1);

    state.apply(new Fact.VersionRemoved("s", 1));
    assertThat(state.versions("s")).isEmpty();
    assertThat(state.subjects()).containsExactly("t");
    assertThat(state.usages(1)).extracting(SubjectVersion::subject).containsExactly("t");
    state.apply(new Fact.VersionRemoved("t", 1));
    assertThat(state.usages(1)).isEmpty();
    assertThat(state.schema(1)).as("schemas stay bound to their id").isPresent();
  }

  @Test
  void configAndModeAreSetAndRemovedGloballyAndPerSubject() {
    RegistryStateMachine state = RegistryStateMachine.empty();
    CompatibilityConfig full =
        new CompatibilityConfig(CompatibilityLevel.FULL, null, null, null, null, null, null, null);
    state.apply(new Fact.ConfigPut(null, full));
    state.apply(new Fact.ConfigPut("s", CompatibilityConfig.empty()));
    state.apply(new Fact.ModePut("s", Mode.READONLY));
    assertThat(state.config(null)).contains(full);
    assertThat(state.config("s")).contains(CompatibilityConfig.empty());
    assertThat(state.mode("s")).contains(Mode.READONLY);
    assertThat(state.mode(null)).isEmpty();
    state.apply(new Fact.ConfigRemoved(null));
    state.apply(new Fact.ModeRemoved("s"));
    assertThat(state.config(null)).isEmpty();
    assertThat(state.mode("s")).isEmpty();
  }

  @Test
  void referencedByListsSchemasStillInUseThatReferenceTheVersion() {
    RegistryStateMachine state = RegistryStateMachine.empty();
    state.apply(new Fact.SchemaPut(schema(1, List.of())));
    state.apply(version("base", 1, 1, false));
    state.apply(new Fact.SchemaPut(schema(2, List.of(new SchemaReference("B", "base", 1)))));
    assertThat(state.referencedBy("base", 1)).as("not used by any version yet").isEmpty();
    state.apply(version("user", 1, 2, false));
    assertThat(state.referencedBy("base", 1)).containsExactly(2);
    assertThat(state.referencedBy("base", 2)).isEmpty();
  }

  @Test
  void factsSurviveTheLogCodec() {
    List<Fact> facts =
        List.of(
            new Fact.SchemaPut(
                new StoredSchema(
                    7,
                    "AVRO",
                    "\"string\"",
                    List.of(new SchemaReference("n", "sub:with:colons", 2)),
                    Metadata.ofProperties(Map.of("owner", "o")),
                    null,
                    "h",
                    "g")),
            version("sub:with:colons", 12, 7, true),
            new Fact.VersionRemoved("a:b", 3),
            new Fact.ConfigPut(
                null,
                new CompatibilityConfig(
                    CompatibilityLevel.NONE, true, "major", null, null, null, null, false)),
            new Fact.ConfigRemoved("x"),
            new Fact.ModePut("m", Mode.IMPORT),
            new Fact.ModeRemoved(null));
    for (Fact f : facts) {
      assertThat(FactCodec.decode(FactCodec.key(f), FactCodec.value(f))).contains(f);
    }
    assertThat(
            FactCodec.decode(
                "future:thing".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)))
        .as("keys of newer registries are skipped")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void replayingOnlyTheNewestRecordPerKeyGivesTheSameState(long seed) {
    List<Fact> log = randomLog(new Random(seed), 400);
    RegistryStateMachine full = RegistryStateMachine.empty();
    log.forEach(f -> full.apply(decoded(f)));

    Map<String, Fact> newest = new LinkedHashMap<>();
    for (Fact f : log) {
      newest.remove(f.key());
      newest.put(f.key(), f);
    }
    RegistryStateMachine compacted = RegistryStateMachine.empty();
    newest.values().stream()
        .filter(f -> FactCodec.value(f) != null)
        .forEach(f -> compacted.apply(decoded(f)));

    assertThat(newest.size()).isLessThan(log.size());
    assertThat(snapshot(compacted)).isEqualTo(snapshot(full));
  }

  private static Fact decoded(Fact f) {
    return FactCodec.decode(FactCodec.key(f), FactCodec.value(f)).orElseThrow();
  }

  private static List<Fact> randomLog(Random random, int size) {
    List<Fact> log = new ArrayList<>();
    int maxId = 0;
    String[] subjects = {"a", "b", "c", "d:e"};
    for (int i = 0; i < size; i++) {
      String subject = subjects[random.nextInt(subjects.length)];
      switch (random.nextInt(7)) {
        case 0, 1 -> {
          maxId++;
          log.add(new Fact.SchemaPut(schema(maxId, List.of())));
          log.add(version(subject, 1 + random.nextInt(6), maxId, false));
        }
        case 2 -> {
          if (maxId > 0) {
            log.add(version(subject, 1 + random.nextInt(6), 1 + random.nextInt(maxId), true));
          }
        }
        case 3 -> log.add(new Fact.VersionRemoved(subject, 1 + random.nextInt(6)));
        case 4 ->
            log.add(
                random.nextBoolean()
                    ? new Fact.ConfigPut(
                        random.nextBoolean() ? null : subject,
                        new CompatibilityConfig(
                            CompatibilityLevel.values()[random.nextInt(7)],
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    : new Fact.ConfigRemoved(random.nextBoolean() ? null : subject));
        case 5 ->
            log.add(
                random.nextBoolean()
                    ? new Fact.ModePut(
                        random.nextBoolean() ? null : subject, Mode.values()[random.nextInt(4)])
                    : new Fact.ModeRemoved(random.nextBoolean() ? null : subject));
        default -> {
          if (maxId > 0) {
            log.add(version(subject, 1 + random.nextInt(6), 1 + random.nextInt(maxId), false));
          }
        }
      }
    }
    return log;
  }

  private static Map<String, Object> snapshot(RegistryState state) {
    Map<String, Object> out = new TreeMap<>();
    for (int id = 1; id <= state.maxSchemaId(); id++) {
      out.put("schema:" + id, state.schema(id));
      out.put("usages:" + id, state.usages(id));
    }
    for (String s : List.of("a", "b", "c", "d:e")) {
      out.put("versions:" + s, state.versions(s));
      out.put("config:" + s, state.config(s));
      out.put("mode:" + s, state.mode(s));
    }
    out.put("subjects", state.subjects());
    out.put("config", state.config(null));
    out.put("mode", state.mode(null));
    out.put("maxId", state.maxSchemaId());
    return out;
  }
}
