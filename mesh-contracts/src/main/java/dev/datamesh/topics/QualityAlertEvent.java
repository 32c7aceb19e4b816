package dev.datamesh.topics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of {@link MeshTopics#QUALITY_ALERTS}: a quality check of a product started failing
 * ({@link Status#FIRING}) or passes again ({@link Status#RESOLVED}). Each episode produces exactly
 * one FIRING and one RESOLVED record; nothing is repeated while the state holds. Key = {@link
 * #fingerprint()}; value = this record as JSON ({@link MeshJson}). Format: docs/QUALITY.md.
 *
 * @param fingerprint stable id of the alert: {@code <productId>/<check>}
 * @param productId {@code <domain>.<product>}
 * @param check the check's stable name, e.g. {@code freshness}, {@code latency}, {@code
 *     completeness/couponCode.nullValues}
 * @param kind completeness, validity, uniqueness, volume, latency or freshness
 * @param severity {@code error}, {@code warning} or {@code info} (the rule's, or the check's)
 * @param status FIRING or RESOLVED
 * @param observed what was measured (e.g. {@code 12.5%}, {@code PT20M})
 * @param expected the threshold (e.g. {@code mustBeLessThan 1%}, {@code <= PT15M})
 * @param summary one human-readable line
 * @param windowStart start of the window the check failed (or passed) in; null for freshness
 * @param windowEnd end of that window; null for freshness
 * @param firstSeen when the episode started (the FIRING time; repeated on RESOLVED)
 * @param at when this record was emitted
 * @param contractVersion version of the contract the check came from
 * @param owner the owning team from the contract
 * @param supportChannel the contract's first support channel (e.g. {@code #orders-data})
 * @param supportUrl that channel's URL (may be empty)
 * @param inhibitedBy upstream products with a firing alert when this alert fired: page them, not
 *     this product (empty if none)
 */
public record QualityAlertEvent(
    String fingerprint,
    String productId,
    String check,
    String kind,
    String severity,
    Status status,
    String observed,
    String expected,
    String summary,
    Instant windowStart,
    Instant windowEnd,
    Instant firstSeen,
    Instant at,
    String contractVersion,
    String owner,
    String supportChannel,
    String supportUrl,
    List<String> inhibitedBy) {

  /** Alert lifecycle state. */
  public enum Status {
    FIRING,
    RESOLVED
  }

  public QualityAlertEvent {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    inhibitedBy = inhibitedBy == null ? List.of() : List.copyOf(inhibitedBy);
  }
}
