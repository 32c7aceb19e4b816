package dev.datamesh.quality.streams;

import java.util.List;

/**
 * A FIRING alert as kept in the alert store (key = fingerprint), so a restarted instance neither
 * repeats a FIRING nor forgets to send the RESOLVED.
 */
record AlertState(
    String productId,
    String check,
    String kind,
    String severity,
    String observed,
    String expected,
    long windowStart,
    long windowEnd,
    long firstSeen,
    String contractVersion,
    List<String> inhibitedBy) {

  AlertState {
    inhibitedBy = inhibitedBy == null ? List.of() : List.copyOf(inhibitedBy);
  }
}
