package dev.datamesh.registry.subjects;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.RuleSetValidator;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.Mode;
import dev.datamesh.registry.store.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /config} and {@code /mode}, global (null subject) and per subject. */
final class Settings {
  private static final String INVALID_LEVEL =
      "Invalid compatibility level. Valid values are none, backward, forward, full,"
          + " backward_transitive, forward_transitive, and full_transitive";
  private static final String INVALID_MODE =
      "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, IMPORT";

  private final SubjectRules rules;
  private final RuleSetValidator ruleSetValidator;

  Settings(SubjectRules rules, RuleSetValidator ruleSetValidator) {
    this.rules = rules;
    this.ruleSetValidator = ruleSetValidator;
  }

  Outcome<ConfigView> config(RegistryState state, String subject, boolean defaultToGlobal) {
    if (subject == null) {
      return Outcome.ok(ConfigView.of(rules.effectiveConfig(state, null)));
    }
    Optional<CompatibilityConfig> own = state.config(subject);
    if (own.isPresent()) {
      return Outcome.ok(ConfigView.of(own.get()));
    }
    if (defaultToGlobal) {
      return Outcome.ok(ConfigView.of(rules.effectiveConfig(state, null)));
    }
    return Outcome.failed(
        RegistryErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  Decision<Outcome<ConfigUpdate>> updateConfig(
      RegistryState state, String subject, ConfigUpdate update) {
    if (subject != null) {
      Optional<String> bad = SubjectRules.subjectProblem(subject);
      if (bad.isPresent()) {
        return refuse(RegistryErrorCode.INVALID_SUBJECT, bad.get());
      }
    }
    CompatibilityLevel level = null;
    if (update.compatibility() != null) {
      Optional<CompatibilityLevel> parsed = CompatibilityLevel.parse(update.compatibility());
      if (parsed.isEmpty()) {
        return refuse(RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL, INVALID_LEVEL);
      }
      level = parsed.get();
    }
    CompatibilityConfig change =
        new CompatibilityConfig(
            level,
            update.normalize(),
            update.compatibilityGroup(),
            update.defaultMetadata(),
            update.overrideMetadata(),
            defaults(update.defaultRuleSet()),
            defaults(update.overrideRuleSet()),
            update.validateFields());
    if (change.equals(CompatibilityConfig.empty())) {
      return refuse(RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL, INVALID_LEVEL);
    }
    List<String> problems = new ArrayList<>(ruleSetValidator.problems(update.defaultRuleSet()));
    problems.addAll(ruleSetValidator.problems(update.overrideRuleSet()));
    if (!problems.isEmpty()) {
      return refuse(
          RegistryErrorCode.INVALID_RULESET, "Invalid rule set: " + String.join("; ", problems));
    }
    CompatibilityConfig merged =
        change.over(state.config(subject).orElse(CompatibilityConfig.empty()));
    ConfigUpdate echo =
        new ConfigUpdate(
            level == null ? null : level.name(),
            update.normalize(),
            update.compatibilityGroup(),
            update.defaultMetadata(),
            update.overrideMetadata(),
            change.defaultRuleSet(),
            change.overrideRuleSet(),
            update.validateFields());
    return new Decision<>(List.of(new Fact.ConfigPut(subject, merged)), Outcome.ok(echo));
  }

  Decision<Outcome<ConfigView>> deleteConfig(RegistryState state, String subject) {
    Optional<CompatibilityConfig> own = state.config(subject);
    if (subject == null) {
      ConfigView previous = ConfigView.of(rules.effectiveConfig(state, null));
      return own.isEmpty()
          ? Decision.answer(Outcome.ok(previous))
          : new Decision<>(List.of(new Fact.ConfigRemoved(null)), Outcome.ok(previous));
    }
    if (own.isEmpty()) {
      return refuse(
          RegistryErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
          "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
    return new Decision<>(
        List.of(new Fact.ConfigRemoved(subject)), Outcome.ok(ConfigView.of(own.get())));
  }

  Outcome<ModeView> mode(RegistryState state, String subject, boolean defaultToGlobal) {
    if (subject == null) {
      return Outcome.ok(new ModeView(rules.effectiveMode(state, null).name()));
    }
    Optional<Mode> own = state.mode(subject);
    if (own.isPresent()) {
      return Outcome.ok(new ModeView(own.get().name()));
    }
    if (defaultToGlobal) {
      return Outcome.ok(new ModeView(rules.effectiveMode(state, null).name()));
    }
    return Outcome.failed(
        RegistryErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level mode configured");
  }

  Decision<Outcome<ModeView>> updateMode(
      RegistryState state, String subject, ModeView update, boolean force) {
    if (subject != null) {
      Optional<String> bad = SubjectRules.subjectProblem(subject);
      if (bad.isPresent()) {
        return refuse(RegistryErrorCode.INVALID_SUBJECT, bad.get());
      }
    }
    Optional<Mode> mode = Mode.parse(update == null ? null : update.mode());
    if (mode.isEmpty()) {
      return refuse(RegistryErrorCode.INVALID_MODE, INVALID_MODE);
    }
    if (mode.get() == Mode.IMPORT && !force) {
      boolean occupied =
          subject == null ? !state.subjects().isEmpty() : !state.versions(subject).isEmpty();
      if (occupied) {
        return refuse(
            RegistryErrorCode.OPERATION_NOT_PERMITTED,
            subject == null
                ? "Cannot import since found existing subjects"
                : "Cannot import since subject '" + subject + "' has versions");
      }
    }
    return new Decision<>(
        List.of(new Fact.ModePut(subject, mode.get())),
        Outcome.ok(new ModeView(mode.get().name())));
  }

  Decision<Outcome<ModeView>> deleteMode(RegistryState state, String subject) {
    Optional<Mode> own = state.mode(subject);
    if (subject == null) {
      ModeView previous = new ModeView(own.orElse(Mode.READWRITE).name());
      return own.isEmpty()
          ? Decision.answer(Outcome.ok(previous))
          : new Decision<>(List.of(new Fact.ModeRemoved(null)), Outcome.ok(previous));
    }
    if (own.isEmpty()) {
      return refuse(
          RegistryErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
          "Subject '" + subject + "' does not have subject-level mode configured");
    }
    return new Decision<>(
        List.of(new Fact.ModeRemoved(subject)), Outcome.ok(new ModeView(own.get().name())));
  }

  private static RuleSet defaults(RuleSet ruleSet) {
    return ruleSet == null ? null : ruleSet.withDefaults();
  }

  private static <T> Decision<Outcome<T>> refuse(RegistryErrorCode code, String message) {
    return Decision.answer(Outcome.failed(code, message));
  }
}
