package dev.datamesh.contracts.policy;

import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.MaskingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One governance rule of the council, with its parameters. Immutable and thread-safe; {@link
 * #evaluate} lists every violation of the rule (empty if the rule passes or is disabled).
 */
public sealed interface PolicyRule {

  /** The rule's key in the policy file ({@code productIdNaming}). */
  String name();

  /** A disabled rule never reports. */
  boolean enabled();

  /** Every violation of this rule by {@code contract}. */
  default List<ContractViolation> evaluate(DataContract contract) {
    return enabled() ? check(contract, ContractPointers.of(contract)) : List.of();
  }

  /** The check of an enabled rule. */
  List<ContractViolation> check(DataContract contract, ContractPointers pointers);

  /**
   * The product id ({@code <domain>.<product>}) matches {@code pattern}, is at most {@code
   * maxLength} long, and its domain is not reserved (e.g. {@code mesh}, whose topics are the
   * platform's).
   */
  record ProductIdNaming(
      boolean enabled, Pattern pattern, int maxLength, Set<String> reservedDomains)
      implements PolicyRule {
    public static final String NAME = "productIdNaming";

    public ProductIdNaming {
      Objects.requireNonNull(pattern, "pattern");
      reservedDomains = Set.copyOf(reservedDomains);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      String id = contract.productId().toString();
      List<ContractViolation> found = new ArrayList<>();
      if (!pattern.matcher(id).matches()) {
        found.add(
            violation(
                ContractErrorCode.POLICY_PRODUCT_ID_NAMING,
                "/dataProduct",
                "product id '" + id + "' does not match the naming rule " + pattern.pattern()));
      }
      if (id.length() > maxLength) {
        found.add(
            violation(
                ContractErrorCode.POLICY_PRODUCT_ID_NAMING,
                "/dataProduct",
                "product id '" + id + "' is longer than " + maxLength + " characters"));
      }
      if (reservedDomains.contains(contract.productId().domain())) {
        found.add(
            violation(
                ContractErrorCode.POLICY_PRODUCT_ID_NAMING,
                "/domain",
                "domain '" + contract.productId().domain() + "' is reserved for the platform"));
      }
      return found;
    }
  }

  /** The contract names an owning team ({@code team.name}), optionally with a member role. */
  record OwnerRequired(boolean enabled, Optional<String> requiredMemberRole) implements PolicyRule {
    public static final String NAME = "ownerRequired";

    public OwnerRequired {
      Objects.requireNonNull(requiredMemberRole, "requiredMemberRole");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      List<ContractViolation> found = new ArrayList<>();
      if (contract.owner().isBlank()) {
        found.add(
            violation(
                ContractErrorCode.POLICY_OWNER_REQUIRED,
                pointers.present("/team") ? "/team" : "",
                "the contract must name its owning team (team.name)"));
      }
      requiredMemberRole
          .filter(role -> !contract.team().hasMemberWithRole(role))
          .ifPresent(
              role ->
                  found.add(
                      violation(
                          ContractErrorCode.POLICY_OWNER_REQUIRED,
                          pointers.present("/team/members") ? "/team/members" : "/team",
                          "the team must have a member with role '" + role + "'")));
      return found;
    }
  }

  /** The contract lists at least {@code minChannels} support channels. */
  record SupportChannelRequired(boolean enabled, int minChannels) implements PolicyRule {
    public static final String NAME = "supportChannelRequired";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      int count = contract.support().size();
      if (count >= minChannels) {
        return List.of();
      }
      return List.of(
          violation(
              ContractErrorCode.POLICY_SUPPORT_CHANNEL_REQUIRED,
              pointers.present("/support") ? "/support" : "",
              "the contract needs at least "
                  + minChannels
                  + " support channel(s), it has "
                  + count));
    }
  }

  /** Every property (nested ones too) has a description of at least {@code minLength}. */
  record PropertyDescriptionRequired(boolean enabled, int minLength) implements PolicyRule {
    public static final String NAME = "propertyDescriptionRequired";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      List<ContractViolation> found = new ArrayList<>();
      for (FieldDefinition field : contract.allFields()) {
        if (field.description().isBlank() || field.description().strip().length() < minLength) {
          found.add(
              violation(
                  ContractErrorCode.POLICY_PROPERTY_DESCRIPTION_REQUIRED,
                  field.source() + "/description",
                  "property '"
                      + field.path()
                      + "' needs a description of at least "
                      + minLength
                      + " characters"));
        }
      }
      return found;
    }
  }

  /**
   * Every property classified as one of {@code classifications} has a masking strategy out of
   * {@code allowedStrategies}.
   */
  record PiiMaskingRequired(
      boolean enabled, Set<String> classifications, Set<MaskingStrategy> allowedStrategies)
      implements PolicyRule {
    public static final String NAME = "piiMaskingRequired";

    public PiiMaskingRequired {
      classifications = Set.copyOf(classifications);
      allowedStrategies = Set.copyOf(allowedStrategies);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      List<ContractViolation> found = new ArrayList<>();
      for (FieldDefinition field : contract.fieldsClassifiedAs(classifications)) {
        if (field.masking().isEmpty()) {
          found.add(
              violation(
                  ContractErrorCode.POLICY_PII_MASKING_REQUIRED,
                  field.source(),
                  "property '"
                      + field.path()
                      + "' is classified "
                      + field.classification().orElse("")
                      + " and needs a masking strategy (customProperties: masking)"));
        } else if (!allowedStrategies.contains(field.masking().get())) {
          found.add(
              violation(
                  ContractErrorCode.POLICY_PII_MASKING_REQUIRED,
                  field.source(),
                  "property '"
                      + field.path()
                      + "' uses masking "
                      + field.masking().get().odcsValue()
                      + ", allowed: "
                      + allowedStrategies.stream()
                          .map(MaskingStrategy::odcsValue)
                          .sorted()
                          .toList()));
        }
      }
      return found;
    }
  }

  /** The compatibility mode is one of {@code allowed}. */
  record MinimumCompatibility(boolean enabled, Set<CompatibilityMode> allowed)
      implements PolicyRule {
    public static final String NAME = "minimumCompatibility";

    public MinimumCompatibility {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      if (allowed.contains(contract.compatibility())) {
        return List.of();
      }
      return List.of(
          violation(
              ContractErrorCode.POLICY_COMPATIBILITY_TOO_WEAK,
              pointers.customProperty("compatibility"),
              "compatibility "
                  + contract.compatibility()
                  + " is too weak; allowed: "
                  + allowed.stream().map(Enum::name).sorted().toList()));
    }
  }

  /** The certified topic keeps records for at least {@code minimum}. */
  record CertifiedRetentionMinimum(boolean enabled, Duration minimum) implements PolicyRule {
    public static final String NAME = "certifiedRetentionMinimum";

    public CertifiedRetentionMinimum {
      Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      Duration retention = contract.kafka().certifiedRetention();
      if (retention.compareTo(minimum) >= 0) {
        return List.of();
      }
      return List.of(
          violation(
              ContractErrorCode.POLICY_RETENTION_TOO_SHORT,
              pointers.slaProperty("retention"),
              "the certified topic keeps records for "
                  + Durations.format(retention)
                  + ", the council requires at least "
                  + Durations.format(minimum)));
    }
  }

  /** The contract has a freshness SLA, no laxer than {@code maximum} if one is set. */
  record FreshnessSlaRequired(boolean enabled, Optional<Duration> maximum) implements PolicyRule {
    public static final String NAME = "freshnessSlaRequired";

    public FreshnessSlaRequired {
      Objects.requireNonNull(maximum, "maximum");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<ContractViolation> check(DataContract contract, ContractPointers pointers) {
      Optional<Duration> freshness = contract.serviceLevels().freshness();
      if (freshness.isEmpty()) {
        return List.of(
            violation(
                ContractErrorCode.POLICY_FRESHNESS_SLA_REQUIRED,
                pointers.present("/slaProperties") ? "/slaProperties" : "",
                "the contract needs a freshness SLA (slaProperties: frequency)"));
      }
      if (maximum.isPresent() && freshness.get().compareTo(maximum.get()) > 0) {
        return List.of(
            violation(
                ContractErrorCode.POLICY_FRESHNESS_SLA_REQUIRED,
                pointers.slaProperty("frequency"),
                "freshness "
                    + Durations.format(freshness.get())
                    + " is laxer than the council's maximum "
                    + Durations.format(maximum.get())));
      }
      return List.of();
    }
  }

  private static ContractViolation violation(
      ContractErrorCode code, String pointer, String message) {
    return new ContractViolation(code, pointer, message);
  }
}
