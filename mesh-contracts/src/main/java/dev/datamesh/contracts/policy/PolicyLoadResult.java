package dev.datamesh.contracts.policy;

import dev.datamesh.contracts.ContractViolation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed policy file, or the violations (pointers into the file) that prevent it. */
public record PolicyLoadResult(
    Optional<GovernancePolicies> policies, List<ContractViolation> violations) {

  public PolicyLoadResult {
    Objects.requireNonNull(policies, "policies");
    violations = List.copyOf(violations);
    if (policies.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("policies exactly when there are no violations");
    }
  }

  /** True if the file was valid. */
  public boolean valid() {
    return policies.isPresent();
  }
}
