package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;

/**
 * The body of {@code PUT /config[/{subject}]}, echoed back on success. Unset fields keep their
 * current value. {@code compatibilityLevel} is accepted as an alias of {@code compatibility}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigUpdate(
    @JsonAlias("compatibilityLevel") String compatibility,
    Boolean normalize,
    String compatibilityGroup,
    Metadata defaultMetadata,
    Metadata overrideMetadata,
    RuleSet defaultRuleSet,
    RuleSet overrideRuleSet,
    Boolean validateFields) {

  /** An update of the level only. */
  public static ConfigUpdate level(String compatibility) {
    return new ConfigUpdate(compatibility, null, null, null, null, null, null, null);
  }
}
