package dev.datamesh.lineage.catalog;

import java.util.Objects;

/**
 * An approved subscription from the registry: {@code consumer} (a domain, as principal {@code
 * principal}) may read {@code productId}'s certified topic.
 */
public record Subscriber(String productId, String consumer, String principal) {
  public Subscriber {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(consumer, "consumer");
    principal = principal == null ? "" : principal;
  }
}
