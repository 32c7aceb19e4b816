package dev.datamesh.lineage.catalog;

import java.util.Objects;

/**
 * A node of the lineage graph.
 *
 * @param id unique in the graph: a product id, {@code topic:<name>}, {@code job:<name>}, {@code
 *     group:<id>} or {@code subscriber:<domain>}
 * @param kind {@code product}, {@code external} (declared upstream, not in the catalog), {@code
 *     topic}, {@code job}, {@code consumer} (a consumer group) or {@code subscriber} (a domain with
 *     an approved subscription)
 * @param label what to show
 * @param productId the product it belongs to (null for consumers and external products' own)
 * @param status the product's badge for product nodes, else null
 */
public record GraphNode(String id, String kind, String label, String productId, String status) {
  public GraphNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
  }
}
