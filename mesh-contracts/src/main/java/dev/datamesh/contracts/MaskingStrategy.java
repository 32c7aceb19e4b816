package dev.datamesh.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * How the gateway masks a classified property before a record reaches the certified topic.
 *
 * <ul>
 *   <li>{@link #HASH}: a keyed hash of the value (stable, joinable, not reversible)
 *   <li>{@link #REDACT}: the value is replaced by a fixed marker (or null if the field is optional)
 *   <li>{@link #ENCRYPT}: the value is encrypted with a key only authorised consumers hold
 * </ul>
 */
public enum MaskingStrategy {
  HASH,
  REDACT,
  ENCRYPT;

  /** Case-insensitive parse; empty for unknown text. */
  public static Optional<MaskingStrategy> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (MaskingStrategy strategy : values()) {
      if (strategy.name().equals(upper)) {
        return Optional.of(strategy);
      }
    }
    return Optional.empty();
  }

  /** The value as written in a contract ({@code hash}). */
  public String odcsValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
