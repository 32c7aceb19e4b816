package dev.datamesh.registry.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A consumer domain's subscription to a data product's certified topic, as kept in the log under
 * {@code subscription:<productId>:<consumer>}: the newest record per key is its whole state, so
 * revocation is a put with status {@code REVOKED} (kept for audit and lineage), never a tombstone.
 *
 * @param productId the product subscribed to
 * @param consumer the consumer domain
 * @param principal the Kafka principal granted {@code READ} on the certified topic once approved
 *     (recorded so a revocation removes exactly what was granted)
 * @param status {@code PENDING}, {@code APPROVED} or {@code REVOKED}
 * @param purpose what the consumer said it needs the data for (may be empty)
 * @param requestedAt when it was (last) requested, epoch millis
 * @param decidedAt when it was last approved or revoked, epoch millis; 0 while pending
 * @param decidedBy who approved or revoked it ({@code council}, a domain, or {@code auto})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StoredSubscription(
    String productId,
    String consumer,
    String principal,
    String status,
    String purpose,
    long requestedAt,
    long decidedAt,
    String decidedBy) {

  /** A request waiting for the owner's approval. */
  public static final String PENDING = "PENDING";

  /** Approved: the principal may read the certified topic. */
  public static final String APPROVED = "APPROVED";

  /** Revoked: the grant was removed. */
  public static final String REVOKED = "REVOKED";

  public StoredSubscription {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(status, "status");
    purpose = purpose == null ? "" : purpose;
    decidedBy = decidedBy == null ? "" : decidedBy;
  }

  /** This subscription in {@code newStatus}, decided by {@code by} at {@code at}. */
  public StoredSubscription decided(String newStatus, String by, long at) {
    return new StoredSubscription(
        productId, consumer, principal, newStatus, purpose, requestedAt, at, by);
  }

  /** Whether the principal currently holds the grant. */
  public boolean approved() {
    return APPROVED.equals(status);
  }
}
