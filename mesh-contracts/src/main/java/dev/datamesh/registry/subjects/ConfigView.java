package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.store.CompatibilityConfig;

/**
 * The answer of {@code GET /config[/{subject}]}: the level as {@code compatibilityLevel} (while
 * {@code PUT} takes and echoes {@code compatibility}, see {@link ConfigUpdate}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigView(
    String compatibilityLevel,
    Boolean normalize,
    String compatibilityGroup,
    Metadata defaultMetadata,
    Metadata overrideMetadata,
    RuleSet defaultRuleSet,
    RuleSet overrideRuleSet,
    Boolean validateFields) {

  static ConfigView of(CompatibilityConfig c) {
    return new ConfigView(
        c.compatibilityLevel() == null ? null : c.compatibilityLevel().name(),
        c.normalize(),
        c.compatibilityGroup(),
        c.defaultMetadata(),
        c.overrideMetadata(),
        c.defaultRuleSet(),
        c.overrideRuleSet(),
        c.validateFields());
  }
}
