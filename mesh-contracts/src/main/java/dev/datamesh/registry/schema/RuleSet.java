package dev.datamesh.registry.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confluent data-contract rules stored beside a schema.
 *
 * @param migrationRules rules run between versions ({@code UPGRADE/DOWNGRADE/UPDOWN})
 * @param domainRules rules run on the message ({@code WRITE/READ/WRITEREAD})
 * @param encodingRules rules run on the encoded bytes
 * @param enableAt where rules may run: {@code ALL|CLIENT|GATEWAY|SERVER|NONE}; null means ALL
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleSet(
    List<Rule> migrationRules, List<Rule> domainRules, List<Rule> encodingRules, String enableAt) {

  public RuleSet {
    migrationRules = migrationRules == null ? List.of() : List.copyOf(migrationRules);
    domainRules = domainRules == null ? List.of() : List.copyOf(domainRules);
    encodingRules = encodingRules == null ? List.of() : List.copyOf(encodingRules);
  }

  /** True when it holds no rules and no {@code enableAt}. */
  public boolean isEmpty() {
    return migrationRules.isEmpty()
        && domainRules.isEmpty()
        && encodingRules.isEmpty()
        && enableAt == null;
  }

  /** {@code later} merged over this: rules merged by name per kind (later wins), in order. */
  public RuleSet mergedWith(RuleSet later) {
    if (later == null) {
      return this;
    }
    return new RuleSet(
        merge(migrationRules, later.migrationRules),
        merge(domainRules, later.domainRules),
        merge(encodingRules, later.encodingRules),
        later.enableAt != null ? later.enableAt : enableAt);
  }

  /** The same rules with {@code kind} and {@code mode} defaults filled in. */
  public RuleSet withDefaults() {
    return new RuleSet(
        migrationRules.stream().map(r -> r.withDefaults("UPDOWN")).toList(),
        domainRules.stream().map(r -> r.withDefaults("WRITEREAD")).toList(),
        encodingRules.stream().map(r -> r.withDefaults("WRITEREAD")).toList(),
        enableAt);
  }

  private static List<Rule> merge(List<Rule> earlier, List<Rule> later) {
    Map<String, Rule> byName = new LinkedHashMap<>();
    for (Rule r : earlier) {
      byName.put(r.name(), r);
    }
    for (Rule r : later) {
      byName.put(r.name(), r);
    }
    return new ArrayList<>(byName.values());
  }
}
