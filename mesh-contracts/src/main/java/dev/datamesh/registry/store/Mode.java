package dev.datamesh.registry.store;

import java.util.Locale;
import java.util.Optional;

/** Confluent registry modes, globally or per subject. */
public enum Mode {
  /** Normal operation. */
  READWRITE,
  /** Registrations and deletions refused with 42205. */
  READONLY,
  /** As READONLY; set globally it also overrides every subject-level mode. */
  READONLY_OVERRIDE,
  /** Registrations must carry their id (and version); no compatibility checks. */
  IMPORT;

  /** Case-insensitive parse; empty for anything else. */
  public static Optional<Mode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True when writes to the subject are refused. */
  public boolean readOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }
}
