package dev.datamesh.registry.subjects;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;

/** The answer to a registry operation: a value, or the error to answer with. */
public sealed interface Outcome<T> {

  /** Success with {@code value}. */
  record Ok<T>(T value) implements Outcome<T> {}

  /** Refused with {@code error}. */
  record Failed<T>(RegistryError error) implements Outcome<T> {}

  /** Success. */
  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  /** Refusal with {@code code} and {@code message}. */
  static <T> Outcome<T> failed(RegistryErrorCode code, String message) {
    return new Failed<>(code.error(message));
  }
}
