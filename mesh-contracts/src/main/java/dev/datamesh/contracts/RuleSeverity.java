package dev.datamesh.contracts;

import java.util.Locale;
import java.util.Optional;

/** Severity of a quality rule ({@code severity}); {@link #ERROR} when the contract omits it. */
public enum RuleSeverity {
  INFO,
  WARNING,
  ERROR;

  /** Case-insensitive parse; empty for unknown text. */
  public static Optional<RuleSeverity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (RuleSeverity severity : values()) {
      if (severity.name().equals(upper)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
