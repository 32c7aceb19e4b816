package dev.datamesh.lineage.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ProductId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code mesh.quality.alerts} record as the lineage service reads it: leniently, so that only the
 * product id and the check are required (docs/LINEAGE.md lists the accepted names).
 *
 * @param fingerprint the alert's stable key ({@code <productId>/<check>} if absent)
 * @param productId {@code <domain>.<product>}
 * @param check the check's name
 * @param firing true for FIRING, false for RESOLVED
 * @param severity {@code error}, {@code warning}, {@code info}, or empty
 * @param observed what was measured, or empty
 * @param expected the threshold, or empty
 * @param summary one line, or empty
 * @param at when the record was emitted (now if absent)
 * @param since when the episode started (= {@code at} if absent)
 */
public record QualityAlert(
    String fingerprint,
    String productId,
    String check,
    boolean firing,
    String severity,
    String observed,
    String expected,
    String summary,
    Instant at,
    Instant since) {

  public QualityAlert {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(check, "check");
  }

  /** Reads an alert; empty if it names no valid product or no check. */
  public static Optional<QualityAlert> parse(JsonNode node) {
    Optional<String> product =
        Lenient.text(node, "productId", "product", "product_id")
            .filter(p -> ProductId.parse(p).isPresent());
    Optional<String> check = Lenient.text(node, "check", "name", "rule");
    if (product.isEmpty() || check.isEmpty()) {
      return Optional.empty();
    }
    String status = Lenient.text(node, "status", "state").orElse("FIRING").toUpperCase(Locale.ROOT);
    Instant at = Lenient.instant(node, "at", "timestamp", "updatedAt").orElse(Instant.now());
    return Optional.of(
        new QualityAlert(
            Lenient.text(node, "fingerprint").orElse(product.get() + "/" + check.get()),
            product.get(),
            check.get(),
            !status.equals("RESOLVED") && !status.equals("OK"),
            Lenient.text(node, "severity").orElse("").toLowerCase(Locale.ROOT),
            Lenient.text(node, "observed", "actual").orElse(""),
            Lenient.text(node, "expected", "threshold").orElse(""),
            Lenient.text(node, "summary", "message", "description").orElse(""),
            at,
            Lenient.instant(node, "firstSeen", "since").orElse(at)));
  }

  /** The check's result for a dataQualityAssertions facet. */
  public QualityObservation.AssertionResult toAssertion() {
    return new QualityObservation.AssertionResult(
        check, !firing, severity, expected, observed, summary);
  }
}
