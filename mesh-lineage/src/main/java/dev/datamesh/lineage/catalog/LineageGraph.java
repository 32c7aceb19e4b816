package dev.datamesh.lineage.catalog;

import java.util.List;

/** The lineage graph (or a product's neighbourhood of it): nodes and directed edges. */
public record LineageGraph(List<GraphNode> nodes, List<GraphEdge> edges) {
  public LineageGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
