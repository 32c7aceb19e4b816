package dev.datamesh.lineage.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ProductId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code mesh.quality.metrics} record as the lineage service reads it (leniently: only the
 * product id is required).
 *
 * @param productId {@code <domain>.<product>}
 * @param metrics the window's measurements
 * @param at when they were observed (window end, else now)
 */
public record QualityMetrics(String productId, QualityObservation.Metrics metrics, Instant at) {

  public QualityMetrics {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(at, "at");
  }

  /** Reads a metrics record; empty if it names no valid product. */
  public static Optional<QualityMetrics> parse(JsonNode node) {
    Optional<String> product =
        Lenient.text(node, "productId", "product", "product_id")
            .filter(p -> ProductId.parse(p).isPresent());
    if (product.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> nulls = new LinkedHashMap<>();
    node.path("nullCounts")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()) {
                nulls.put(e.getKey(), e.getValue().asLong());
              }
            });
    Optional<Instant> start = Lenient.instant(node, "windowStart", "start");
    Optional<Instant> end = Lenient.instant(node, "windowEnd", "end");
    QualityObservation.Metrics metrics =
        new QualityObservation.Metrics(
            Lenient.number(node, "records", "rowCount", "count").orElse(0L),
            Lenient.number(node, "deadLetters", "deadLettered").orElse(0L),
            nulls,
            start,
            end);
    return Optional.of(new QualityMetrics(product.get(), metrics, end.orElse(Instant.now())));
  }
}
