package dev.datamesh.registry.contracts;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused contracts-API request: answered as HTTP {@code code.httpStatus()} with {@code
 * {"error_code", "message"}}, plus {@code violations} and {@code compatibility} when there are any.
 */
public record ContractError(
    RegistryErrorCode code,
    String message,
    List<ViolationView> violations,
    Optional<CompatibilityView> compatibility) {

  public ContractError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    violations = List.copyOf(violations);
    Objects.requireNonNull(compatibility, "compatibility");
  }

  /** An error with a message only. */
  public static ContractError of(RegistryErrorCode code, String message) {
    return new ContractError(code, message, List.of(), Optional.empty());
  }

  /** An error listing {@code violations}. */
  public static ContractError of(
      RegistryErrorCode code, String message, List<ViolationView> violations) {
    return new ContractError(code, message, violations, Optional.empty());
  }

  /** The registry's plain error (e.g. from the access policy). */
  public static ContractError of(RegistryError error) {
    return of(error.code(), error.message());
  }
}
