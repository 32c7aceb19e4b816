package dev.datamesh.registry.schema;

import java.util.Locale;
import java.util.Optional;

/** The seven Confluent compatibility levels; see {@link CompatibilityChecker}. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** New schema must read data written with older ones. */
  public boolean backward() {
    return backward;
  }

  /** Older schemas must read data written with the new one. */
  public boolean forward() {
    return forward;
  }

  /** Checked against every live version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** Case-insensitive parse; empty for anything else. */
  public static Optional<CompatibilityLevel> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
