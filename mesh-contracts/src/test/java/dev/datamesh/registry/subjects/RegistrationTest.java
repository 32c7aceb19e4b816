package dev.datamesh.registry.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.registry.GovernanceViolation;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.SchemaChange;
import dev.datamesh.registry.schema.AvroSchemaParser;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.Rule;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.RuleSetValidator;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Mode;
import dev.datamesh.registry.store.RegistryStateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, deletion and settings decisions on an in-memory state, as the log applies them. */
class RegistrationTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
  private static final String V2_NO_DEFAULT =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}";

  private final RegistryStateMachine state = RegistryStateMachine.empty();
  private final List<SchemaChange> reviewed = new ArrayList<>();
  private final List<GovernanceViolation> verdict = new ArrayList<>();
  private final SubjectRules rules =
      new SubjectRules(RegistryConfig.defaults(), AvroSchemaParser.standard());
  private final Registration registration =
      new Registration(
          rules,
          CompatibilityChecker.avro(),
          RuleSetValidator.confluent(),
          change -> {
            reviewed.add(change);
            return List.copyOf(verdict);
          },
          () -> 42L);
  private final Deletions deletions = new Deletions(rules);
  private final Settings settings = new Settings(rules, RuleSetValidator.confluent());
  private int appended;

  private <T> T run(Decision<T> decision) {
    decision.facts().forEach(state::apply);
    appended += decision.facts().size();
    return decision.result();
  }

  private Outcome<SchemaView> register(String subject, SchemaRequest request) {
    return run(registration.decide(state, subject, request, new Registration.Options(null, false)));
  }

  private SchemaView ok(Outcome<SchemaView> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Ok.class);
    return ((Outcome.Ok<SchemaView>) outcome).value();
  }

  private static RegistryErrorCode code(Outcome<?> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    return ((Outcome.Failed<?>) outcome).error().code();
  }

  @Test
  void idsFollowLogOrderAndEqualContentSharesAnId() {
    SchemaView a = ok(register("s", SchemaRequest.of(V1)));
    SchemaView b = ok(register("s", SchemaRequest.of(V2)));
    SchemaView c = ok(register("t", SchemaRequest.of(V2)));
    assertThat(a.id()).isEqualTo(1);
    assertThat(b.id()).isEqualTo(2);
    assertThat(b.version()).isEqualTo(2);
    assertThat(c.id()).isEqualTo(2);
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.ts()).isEqualTo(42L);
  }

  @Test
  void reRegisteringALiveVersionAppendsNothing() {
    ok(register("s", SchemaRequest.of(V1)));
    int before = appended;
    SchemaView again = ok(register("s", SchemaRequest.of(V1.replace(",", " , "))));
    assertThat(again.version()).isEqualTo(1);
    assertThat(appended).isEqualTo(before);
  }

  @Test
  void afterASoftDeleteTheSameSchemaGetsANewVersionAndKeepsItsId() {
    SchemaView first = ok(register("s", SchemaRequest.of(V1)));
    run(deletions.version(state, "s", "1", false));
    SchemaView again = ok(register("s", SchemaRequest.of(V1)));
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.id()).isEqualTo(first.id());
  }

  @Test
  void incompatibleSchemasAreRefusedUnlessForcedOrTheLevelIsNone() {
    ok(register("s", SchemaRequest.of(V1)));
    assertThat(code(register("s", SchemaRequest.of(V2_NO_DEFAULT))))
        .isEqualTo(RegistryErrorCode.INCOMPATIBLE_SCHEMA);
    assertThat(
            ok(run(
                    registration.decide(
                        state,
                        "s",
                        SchemaRequest.of(V2_NO_DEFAULT),
                        new Registration.Options(null, true))))
                .version())
        .isEqualTo(2);
    run(settings.updateConfig(state, "t", ConfigUpdate.level("none")));
    ok(register("t", SchemaRequest.of(V1)));
    assertThat(
            ok(register("t", SchemaRequest.of(V2_NO_DEFAULT.replace("\"int\"", "\"boolean\""))))
                .version())
        .isEqualTo(2);
  }

  @Test
  void metadataAndRulesAreInheritedAndMergedWithConfiguredDefaultsAndOverrides() {
    Rule rule =
        new Rule(
            "checkA",
            null,
            "condition",
            null,
            "CEL",
            null,
            null,
            "message.a != ''",
            null,
            null,
            false);
    RuleSet rules = new RuleSet(null, List.of(rule), null, null);
    SchemaView first =
        ok(
            register(
                "s",
                new SchemaRequest(
                    V1,
                    null,
                    null,
                    Metadata.ofProperties(Map.of("owner", "team-a")),
                    rules,
                    null,
                    null)));
    assertThat(first.ruleSet().domainRules().get(0).kind()).isEqualTo("CONDITION");
    assertThat(first.ruleSet().domainRules().get(0).mode()).isEqualTo("WRITEREAD");
    assertThat(ok(register("s", SchemaRequest.of(V1))).id())
        .as("contract-less re-register")
        .isEqualTo(first.id());

    run(
        settings.updateConfig(
            state,
            "s",
            new ConfigUpdate(
                null,
                null,
                null,
                Metadata.ofProperties(Map.of("owner", "default", "tier", "bronze")),
                Metadata.ofProperties(Map.of("tier", "gold")),
                null,
                null,
                null)));
    SchemaView second = ok(register("s", SchemaRequest.of(V2)));
    assertThat(second.metadata().properties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("owner", "team-a", "tier", "gold"));
    assertThat(second.ruleSet()).isEqualTo(first.ruleSet());
  }

  @Test
  void theReservedVersionPropertyFollowsTheVersionNumber() {
    Metadata versioned =
        Metadata.ofProperties(Map.of(Metadata.VERSION_PROPERTY, "1", "owner", "x"));
    ok(register("s", new SchemaRequest(V1, null, null, versioned, null, null, null)));
    SchemaView second = ok(register("s", SchemaRequest.of(V2)));
    assertThat(second.metadata().properties()).containsEntry(Metadata.VERSION_PROPERTY, "2");
    assertThat(ok(register("s", SchemaRequest.of(V2))).version())
        .as("idempotent despite the property")
        .isEqualTo(2);
  }

  @Test
  void governanceIsAskedOnlyForContractSubjectsAndItsViolationsRefuse() {
    ok(register("plain-value", SchemaRequest.of(V1)));
    ok(register("orders.placed.dlq-value", SchemaRequest.of(V1)));
    assertThat(reviewed).isEmpty();
    verdict.add(new GovernanceViolation("NO_OWNER", "/owner", "owner missing"));
    verdict.add(new GovernanceViolation("NO_DOC", "", "doc missing"));
    Outcome<SchemaView> refused = register("orders.placed.raw-value", SchemaRequest.of(V1));
    assertThat(code(refused)).isEqualTo(RegistryErrorCode.GOVERNANCE_VIOLATION);
    assertThat(((Outcome.Failed<SchemaView>) refused).error().message())
        .contains("orders.placed")
        .contains("[NO_OWNER] /owner: owner missing")
        .contains("[NO_DOC] /: doc missing");
    assertThat(reviewed).hasSize(1);
    assertThat(reviewed.get(0).product().productId()).isEqualTo("orders.placed");
    verdict.clear();
    ok(register("orders.placed.raw-value", SchemaRequest.of(V1)));
  }

  @Test
  void importModeTakesTheGivenIdAndVersionWithoutChecks() {
    run(settings.updateMode(state, "imp", new ModeView("IMPORT"), false));
    assertThat(code(register("imp", SchemaRequest.of(V1))))
        .isEqualTo(RegistryErrorCode.OPERATION_NOT_PERMITTED);
    SchemaView imported = ok(register("imp", new SchemaRequest(V1, null, null, null, null, 77, 3)));
    assertThat(imported.id()).isEqualTo(77);
    assertThat(imported.version()).isEqualTo(3);
    assertThat(
            ok(register(
                    "imp",
                    new SchemaRequest(
                        V2_NO_DEFAULT.replace("R", "Q"), null, null, null, null, 78, null)))
                .version())
        .isEqualTo(4);
    assertThat(code(register("imp", new SchemaRequest(V2, null, null, null, null, 77, null))))
        .isEqualTo(RegistryErrorCode.ID_DOES_NOT_MATCH);
    run(settings.deleteMode(state, "imp"));
    assertThat(ok(register("other", SchemaRequest.of("\"string\""))).id())
        .as("ids continue above imported ones")
        .isEqualTo(79);
  }

  @Test
  void readOnlyModesRefuseWritesAndAGlobalOverrideWinsOverSubjectModes() {
    run(settings.updateMode(state, "s", new ModeView("READONLY"), false));
    assertThat(code(register("s", SchemaRequest.of(V1))))
        .isEqualTo(RegistryErrorCode.OPERATION_NOT_PERMITTED);
    run(settings.updateMode(state, "t", new ModeView("READWRITE"), false));
    run(settings.updateMode(state, null, new ModeView("READONLY_OVERRIDE"), false));
    assertThat(code(register("t", SchemaRequest.of(V1))))
        .isEqualTo(RegistryErrorCode.OPERATION_NOT_PERMITTED);
    assertThat(state.mode(null)).contains(Mode.READONLY_OVERRIDE);
  }

  @Test
  void settingsValidateLevelsModesAndRules() {
    assertThat(code(run(settings.updateConfig(state, null, ConfigUpdate.level("sideways")))))
        .isEqualTo(RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL);
    assertThat(code(run(settings.updateMode(state, null, new ModeView("nap"), false))))
        .isEqualTo(RegistryErrorCode.INVALID_MODE);
    Rule bad =
        new Rule("", null, "WHATEVER", "UPGRADE", null, null, null, null, "A,B", null, false);
    ConfigUpdate withBadRules =
        new ConfigUpdate(
            null,
            null,
            null,
            null,
            null,
            new RuleSet(null, List.of(bad), null, "NEVER"),
            null,
            null);
    Outcome<ConfigUpdate> refused = run(settings.updateConfig(state, null, withBadRules));
    assertThat(code(refused)).isEqualTo(RegistryErrorCode.INVALID_RULESET);
    assertThat(((Outcome.Failed<ConfigUpdate>) refused).error().message())
        .contains("has no name")
        .contains("has no type")
        .contains("kind")
        .contains("mode")
        .contains("enableAt");
    Outcome<ConfigUpdate> full =
        run(settings.updateConfig(state, null, ConfigUpdate.level("full")));
    assertThat(((Outcome.Ok<ConfigUpdate>) full).value().compatibility()).isEqualTo("FULL");
    assertThat(rules.level(state, "any")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(state.config(null))
        .map(CompatibilityConfig::compatibilityLevel)
        .contains(CompatibilityLevel.FULL);
  }

  @Test
  void permanentDeletionNeedsASoftDeleteFirstAndRemovesSubjectSettings() {
    ok(register("s", SchemaRequest.of(V1)));
    run(settings.updateConfig(state, "s", ConfigUpdate.level("none")));
    assertThat(code(run(deletions.subject(state, "s", true))))
        .isEqualTo(RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED);
    assertThat(run(deletions.subject(state, "s", false))).isEqualTo(Outcome.ok(List.of(1)));
    assertThat(code(run(deletions.subject(state, "s", false))))
        .isEqualTo(RegistryErrorCode.SUBJECT_SOFT_DELETED);
    assertThat(run(deletions.subject(state, "s", true))).isEqualTo(Outcome.ok(List.of(1)));
    assertThat(state.versions("s")).isEmpty();
    assertThat(state.config("s")).isEmpty();
    assertThat(code(run(deletions.subject(state, "s", false))))
        .isEqualTo(RegistryErrorCode.SUBJECT_NOT_FOUND);
    assertThat(ok(register("s", SchemaRequest.of(V1))).version()).isEqualTo(1);
  }
}
