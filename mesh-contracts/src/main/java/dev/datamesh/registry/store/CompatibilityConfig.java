package dev.datamesh.registry.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;

/**
 * Confluent's registry configuration, globally ({@code config}) or per subject ({@code
 * config:<subject>}). A null field is unset: it falls back to the global configuration, then to the
 * registry's defaults.
 *
 * @param compatibilityLevel the compatibility level
 * @param normalize whether schemas are normalised before registration and lookup
 * @param compatibilityGroup a metadata property; only versions with the same value are checked
 * @param defaultMetadata metadata merged under a registration's own
 * @param overrideMetadata metadata merged over a registration's own
 * @param defaultRuleSet rules merged under a registration's own
 * @param overrideRuleSet rules merged over a registration's own
 * @param validateFields stored and returned; field-name validation itself is not implemented
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CompatibilityConfig(
    CompatibilityLevel compatibilityLevel,
    Boolean normalize,
    String compatibilityGroup,
    Metadata defaultMetadata,
    Metadata overrideMetadata,
    RuleSet defaultRuleSet,
    RuleSet overrideRuleSet,
    Boolean validateFields) {

  /** The unset configuration. */
  public static CompatibilityConfig empty() {
    return new CompatibilityConfig(null, null, null, null, null, null, null, null);
  }

  /** This configuration with its unset fields taken from {@code base}. */
  public CompatibilityConfig over(CompatibilityConfig base) {
    return new CompatibilityConfig(
        compatibilityLevel != null ? compatibilityLevel : base.compatibilityLevel,
        normalize != null ? normalize : base.normalize,
        compatibilityGroup != null ? compatibilityGroup : base.compatibilityGroup,
        defaultMetadata != null ? defaultMetadata : base.defaultMetadata,
        overrideMetadata != null ? overrideMetadata : base.overrideMetadata,
        defaultRuleSet != null ? defaultRuleSet : base.defaultRuleSet,
        overrideRuleSet != null ? overrideRuleSet : base.overrideRuleSet,
        validateFields != null ? validateFields : base.validateFields);
  }
}
