package dev.datamesh.contracts.odcs;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading a contract: the contract if it broke no rule, otherwise every violation
 * found (ODCS schema, mesh profile, Avro, governance policies), ordered by stage.
 */
public record ContractLoadResult(
    Optional<DataContract> contract, List<ContractViolation> violations) {

  public ContractLoadResult {
    Objects.requireNonNull(contract, "contract");
    violations = List.copyOf(violations);
    if (contract.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("a contract exactly when there are no violations");
    }
  }

  static ContractLoadResult loaded(DataContract contract) {
    return new ContractLoadResult(Optional.of(contract), List.of());
  }

  static ContractLoadResult rejected(List<ContractViolation> violations) {
    return new ContractLoadResult(Optional.empty(), violations);
  }

  /** True if the contract loaded without violations. */
  public boolean valid() {
    return contract.isPresent();
  }
}
