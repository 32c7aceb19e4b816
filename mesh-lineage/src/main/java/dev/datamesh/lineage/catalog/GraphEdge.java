package dev.datamesh.lineage.catalog;

import java.util.Objects;

/**
 * A directed edge of the lineage graph, in the direction data flows.
 *
 * @param source the node data comes from
 * @param target the node data goes to
 * @param kind {@code feeds} (upstream product → derived product), {@code consumes} (product →
 *     consumer group), {@code subscribed} (product → subscriber domain), {@code reads} (topic →
 *     job) or {@code writes} (job → topic or product)
 */
public record GraphEdge(String source, String target, String kind) {
  public GraphEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
  }
}
