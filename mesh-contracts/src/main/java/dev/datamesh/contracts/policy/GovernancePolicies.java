package dev.datamesh.contracts.policy;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.SemanticVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The governance council's policies as code: a versioned set of {@link PolicyRule}s, read from a
 * YAML policy file (format in docs/CONTRACTS.md) and checked on every contract at registration.
 * Immutable and thread-safe.
 *
 * @param version the policy file's version (the council bumps it on every change)
 * @param owner who owns the file (the council)
 * @param rules the configured rules, in file order; rules absent from the file are not applied
 */
public record GovernancePolicies(
    SemanticVersion version, String owner, String description, List<PolicyRule> rules) {

  /** The classpath resource of the council's default policies. */
  public static final String DEFAULT_RESOURCE = "/governance/default-policies.yaml";

  public GovernancePolicies {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(description, "description");
    rules = List.copyOf(rules);
  }

  /**
   * The default policies shipped with the mesh.
   *
   * @throws IllegalStateException if the bundled file is missing or invalid (a build bug)
   */
  public static GovernancePolicies defaults() {
    try (InputStream in = GovernancePolicies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      PolicyLoadResult result = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return result
          .policies()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "invalid " + DEFAULT_RESOURCE + ": " + result.violations()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a policy file; bad input gives violations (pointers into the file), never throws. */
  public static PolicyLoadResult parse(String yaml) {
    return PolicyFileParser.parse(yaml);
  }

  /** Policies that check nothing. */
  public static GovernancePolicies none() {
    return new GovernancePolicies(new SemanticVersion(0, 0, 0, "", ""), "", "", List.of());
  }

  /** The rule called {@code name}, if configured. */
  public Optional<PolicyRule> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Every violation of every enabled rule by {@code contract}, in rule order. */
  public List<ContractViolation> evaluate(DataContract contract) {
    ContractPointers pointers = ContractPointers.of(contract);
    List<ContractViolation> violations = new ArrayList<>();
    for (PolicyRule rule : rules) {
      if (rule.enabled()) {
        violations.addAll(rule.check(contract, pointers));
      }
    }
    return List.copyOf(violations);
  }
}
