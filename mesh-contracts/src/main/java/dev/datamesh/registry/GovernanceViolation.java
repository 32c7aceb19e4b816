package dev.datamesh.registry;

/**
 * One reason why {@link SubjectGovernance} refuses a schema.
 *
 * @param code a stable, machine-readable code (e.g. {@code MISSING_OWNER})
 * @param pointer a JSON Pointer into the contract or schema the violation is about ({@code ""} for
 *     the whole document)
 * @param message a sentence a person can act on
 */
public record GovernanceViolation(String code, String pointer, String message) {

  /** {@code [code] pointer: message}, the form listed in the registry's 422 message. */
  public String describe() {
    return "["
        + code
        + "] "
        + (pointer == null || pointer.isEmpty() ? "/" : pointer)
        + ": "
        + message;
  }
}
