package dev.datamesh.registry.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.ProductTopics;
import dev.datamesh.registry.store.StoredSubscription;
import java.time.Instant;

/**
 * A subscription as the API answers it ({@code POST/GET /products/{id}/subscriptions}, {@code GET
 * /subscriptions}).
 *
 * @param productId the product
 * @param consumer the consumer domain
 * @param principal its Kafka principal
 * @param topic the certified topic it may read once approved
 * @param status {@code PENDING}, {@code APPROVED} or {@code REVOKED}
 * @param purpose what the consumer said it needs the data for
 * @param requestedAt ISO-8601 instant
 * @param decidedAt ISO-8601 instant of the last approval or revocation; null while pending
 * @param decidedBy {@code council}, a domain, or {@code auto}; null while pending
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "productId",
  "consumer",
  "principal",
  "topic",
  "status",
  "purpose",
  "requestedAt",
  "decidedAt",
  "decidedBy"
})
public record SubscriptionView(
    String productId,
    String consumer,
    String principal,
    String topic,
    String status,
    String purpose,
    String requestedAt,
    String decidedAt,
    String decidedBy) {

  static SubscriptionView of(StoredSubscription s) {
    String topic =
        ProductId.parse(s.productId())
            .map(ProductTopics::of)
            .map(ProductTopics::certified)
            .orElse("");
    boolean decided = s.decidedAt() > 0;
    return new SubscriptionView(
        s.productId(),
        s.consumer(),
        s.principal(),
        topic,
        s.status(),
        s.purpose(),
        Instant.ofEpochMilli(s.requestedAt()).toString(),
        decided ? Instant.ofEpochMilli(s.decidedAt()).toString() : null,
        decided ? s.decidedBy() : null);
  }
}
