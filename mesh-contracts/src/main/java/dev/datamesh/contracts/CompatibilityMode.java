package dev.datamesh.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * The seven compatibility levels of Confluent Schema Registry, with the same names and meaning. A
 * contract's default is {@link #BACKWARD}.
 */
public enum CompatibilityMode {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** The mode of a contract that does not declare one. */
  public static final CompatibilityMode DEFAULT = BACKWARD;

  /** Case-insensitive parse of a Confluent level name; empty for unknown text. */
  public static Optional<CompatibilityMode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (CompatibilityMode mode : values()) {
      if (mode.name().equals(upper)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** True if new schemas must be readable against more than the latest version. */
  public boolean transitive() {
    return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }

  /** True if a new schema must be able to read data written with older ones. */
  public boolean checksBackward() {
    return this == BACKWARD
        || this == BACKWARD_TRANSITIVE
        || this == FULL
        || this == FULL_TRANSITIVE;
  }

  /** True if older schemas must be able to read data written with a new one. */
  public boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }
}
