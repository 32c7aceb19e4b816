package dev.datamesh.registry.contracts;

/** The answer to a contracts-API operation: a value, or the error to answer with. */
public sealed interface ContractOutcome<T> {

  /** Success with {@code value}. */
  record Ok<T>(T value) implements ContractOutcome<T> {}

  /** Refused with {@code error}. */
  record Refused<T>(ContractError error) implements ContractOutcome<T> {}

  /** Success. */
  static <T> ContractOutcome<T> ok(T value) {
    return new Ok<>(value);
  }

  /** Refusal. */
  static <T> ContractOutcome<T> refused(ContractError error) {
    return new Refused<>(error);
  }
}
