package dev.datamesh.lineage.freshness;

import java.util.Locale;
import java.util.Optional;

/** Verdict on a product's freshness; {@link #json()} is its stable lower-case form. */
public enum FreshnessStatus {
  /** The newest certified record is no older than the freshness SLA. */
  FRESH,
  /** The newest certified record is older than the SLA, or nothing arrived within it. */
  STALE,
  /** No SLA, or nothing certified yet and the SLA has not elapsed since the product was seen. */
  UNKNOWN;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #json()} (any case); empty for anything else. */
  public static Optional<FreshnessStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (FreshnessStatus s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
