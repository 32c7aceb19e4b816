package dev.datamesh.registry.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Confluent data-contract rule. The registry stores and returns rules; clients execute them.
 * See {@link RuleSetValidator} for what is accepted.
 *
 * @param name unique within its rule set
 * @param doc free text
 * @param kind {@code CONDITION} or {@code TRANSFORM}
 * @param mode {@code WRITE|READ|WRITEREAD} (domain, encoding) or {@code UPGRADE|DOWNGRADE|UPDOWN}
 *     (migration)
 * @param type executor type, e.g. {@code CEL}, {@code CEL_FIELD}, {@code JSONATA}, {@code ENCRYPT}
 * @param tags field tags a field-level rule applies to
 * @param params executor parameters
 * @param expr the rule expression
 * @param onSuccess action on success
 * @param onFailure action on failure
 * @param disabled whether clients skip the rule
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Rule(
    String name,
    String doc,
    String kind,
    String mode,
    String type,
    SortedSet<String> tags,
    SortedMap<String, String> params,
    String expr,
    String onSuccess,
    String onFailure,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean disabled) {

  public Rule {
    tags = Collections.unmodifiableSortedSet(tags == null ? new TreeSet<>() : new TreeSet<>(tags));
    params =
        Collections.unmodifiableSortedMap(params == null ? new TreeMap<>() : new TreeMap<>(params));
  }

  /** This rule with {@code kind} and {@code mode} filled in and upper-cased. */
  Rule withDefaults(String defaultMode) {
    return new Rule(
        name,
        doc,
        kind == null ? "TRANSFORM" : kind.trim().toUpperCase(java.util.Locale.ROOT),
        mode == null ? defaultMode : mode.trim().toUpperCase(java.util.Locale.ROOT),
        type,
        tags,
        params,
        expr,
        onSuccess,
        onFailure,
        disabled);
  }
}
