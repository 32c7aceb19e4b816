package dev.datamesh.contracts;

import java.util.Locale;
import java.util.Optional;

/** Life-cycle status of a contract ({@code status}); ODCS lists these values as examples. */
public enum ContractStatus {
  PROPOSED,
  DRAFT,
  DEVELOPMENT,
  ACTIVE,
  DEPRECATED,
  RETIRED;

  /** Case-insensitive parse; empty for unknown text. */
  public static Optional<ContractStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (ContractStatus status : values()) {
      if (status.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The value as written in a contract ({@code active}). */
  public String odcsValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
