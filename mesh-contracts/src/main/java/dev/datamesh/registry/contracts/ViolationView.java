package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.contracts.ContractViolation;

/**
 * One violation in an API answer: a stable code (a {@code ContractErrorCode} code, or {@code
 * CONTRACT_VERSION_CONFLICT} and the like for registry-level problems), a JSON Pointer into the
 * submitted document and a message.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "pointer", "message"})
public record ViolationView(String code, String pointer, String message) {

  /** The view of a model violation. */
  public static ViolationView of(ContractViolation v) {
    return new ViolationView(v.errorCode(), v.pointer(), v.message());
  }
}
