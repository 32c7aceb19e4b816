package dev.datamesh.registry.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link RuleSet} against Confluent's rules for rule sets (names, kinds, modes, actions).
 * Stateless and thread-safe.
 */
public interface RuleSetValidator {

  /** Every problem with {@code ruleSet}, as sentences; empty when it is valid (or null). */
  List<String> problems(RuleSet ruleSet);

  /** The validator for Confluent's rule-set rules. */
  static RuleSetValidator confluent() {
    return new ConfluentRuleSetValidator();
  }
}

/** Confluent's rules: see {@link Rule}. */
final class ConfluentRuleSetValidator implements RuleSetValidator {

  @Override
  public List<String> problems(RuleSet ruleSet) {
    List<String> problems = new ArrayList<>();
    if (ruleSet == null) {
      return problems;
    }
    if (ruleSet.enableAt() != null && !Checks.ENABLE_AT.contains(upper(ruleSet.enableAt()))) {
      problems.add(
          "enableAt must be one of " + Checks.ENABLE_AT + ", was '" + ruleSet.enableAt() + "'");
    }
    Set<String> names = new HashSet<>();
    Checks.rules(
        problems, names, "migrationRules", ruleSet.migrationRules(), Checks.MIGRATION_MODES);
    Checks.rules(problems, names, "domainRules", ruleSet.domainRules(), Checks.DOMAIN_MODES);
    Checks.rules(problems, names, "encodingRules", ruleSet.encodingRules(), Checks.DOMAIN_MODES);
    return problems;
  }

  private static String upper(String s) {
    return s.trim().toUpperCase(Locale.ROOT);
  }

  /** The individual checks. */
  private static final class Checks {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*$");
    private static final int MAX_NAME = 256;
    private static final Set<String> KINDS = Set.of("CONDITION", "TRANSFORM");
    private static final Set<String> DOMAIN_MODES = Set.of("WRITE", "READ", "WRITEREAD");
    private static final Set<String> MIGRATION_MODES = Set.of("UPGRADE", "DOWNGRADE", "UPDOWN");
    private static final Set<String> TWO_WAY_MODES = Set.of("WRITEREAD", "UPDOWN");
    private static final Set<String> ENABLE_AT =
        Set.of("ALL", "CLIENT", "GATEWAY", "SERVER", "NONE");

    private Checks() {}

    private static void rules(
        List<String> problems,
        Set<String> names,
        String list,
        List<Rule> rules,
        Set<String> modes) {
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        String at = list + "[" + i + "]";
        if (rule == null) {
          problems.add(at + " is null");
          continue;
        }
        name(problems, names, at, rule.name());
        if (rule.type() == null || rule.type().isBlank()) {
          problems.add(at + " (" + rule.name() + ") has no type");
        }
        if (rule.kind() != null && !KINDS.contains(upper(rule.kind()))) {
          problems.add(at + " kind must be CONDITION or TRANSFORM, was '" + rule.kind() + "'");
        }
        String mode = rule.mode() == null ? null : upper(rule.mode());
        if (mode != null && !modes.contains(mode)) {
          problems.add(at + " mode must be one of " + modes + ", was '" + rule.mode() + "'");
        }
        boolean twoWay = mode == null || TWO_WAY_MODES.contains(mode);
        action(problems, at, "onSuccess", rule.onSuccess(), twoWay);
        action(problems, at, "onFailure", rule.onFailure(), twoWay);
      }
    }

    private static void name(List<String> problems, Set<String> names, String at, String name) {
      if (name == null || name.isEmpty()) {
        problems.add(at + " has no name");
      } else if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
        problems.add(
            at
                + " name '"
                + name
                + "' must start with a letter or '_', continue with letters, digits, '_' or '-',"
                + " and be at most 256 characters");
      } else if (!names.add(name)) {
        problems.add(at + " name '" + name + "' is not unique in the rule set");
      }
    }

    private static void action(
        List<String> problems, String at, String which, String action, boolean twoWay) {
      if (action == null) {
        return;
      }
      String[] parts = action.split(",", -1);
      if (parts.length > 2 || (parts.length == 2 && !twoWay)) {
        problems.add(
            at + " " + which + " '" + action + "' may name two actions only for WRITEREAD/UPDOWN");
      }
      for (String part : parts) {
        if (part.isBlank()) {
          problems.add(at + " " + which + " '" + action + "' has an empty action");
        }
      }
    }
  }
}
