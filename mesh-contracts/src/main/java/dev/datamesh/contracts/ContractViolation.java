package dev.datamesh.contracts;

import java.util.Objects;

/**
 * One broken rule: a stable code, where it is broken and a human message.
 *
 * <p>{@code pointer} is an RFC 6901 JSON Pointer: into the contract document for contract and
 * policy violations (e.g. {@code /schema/0/properties/2/description}), into the record or event for
 * record violations (e.g. {@code /customerEmail}). The empty string points at the whole document.
 * Messages of record violations never contain the value of a classified field.
 */
public record ContractViolation(ContractErrorCode code, String pointer, String message) {

  public ContractViolation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** The stable string code, as written to headers and API bodies. */
  public String errorCode() {
    return code.code();
  }

  @Override
  public String toString() {
    return code.code() + " at '" + pointer + "': " + message;
  }
}
