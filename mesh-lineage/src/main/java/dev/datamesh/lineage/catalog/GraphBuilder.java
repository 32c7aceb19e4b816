package dev.datamesh.lineage.catalog;

import dev.datamesh.lineage.openlineage.LineageEvents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds lineage graphs from the visible products, their consumer groups and their approved
 * subscribers (consumer domains). Single use.
 */
final class GraphBuilder {
  private final Map<String, ProductState> products;
  private final Map<String, List<String>> consumers;
  private final Map<String, List<String>> subscribers;
  private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
  private final Set<GraphEdge> edges = new LinkedHashSet<>();

  GraphBuilder(
      Map<String, ProductState> products,
      Map<String, List<String>> consumers,
      Map<String, List<String>> subscribers) {
    this.products = products;
    this.consumers = consumers;
    this.subscribers = subscribers;
  }

  LineageGraph all() {
    products.keySet().forEach(this::productWithEdges);
    return graph();
  }

  LineageGraph around(String focus) {
    Set<String> included = new LinkedHashSet<>();
    included.add(focus);
    included.addAll(closure(focus, true));
    included.addAll(closure(focus, false));
    for (String id : included) {
      if (products.containsKey(id)) {
        productWithEdges(id, included);
      } else {
        external(id);
      }
    }
    String raw = "topic:" + focus + ".raw";
    String dlq = "topic:" + focus + ".dlq";
    String job = "job:" + LineageEvents.gatewayJob(focus);
    nodes.put(raw, new GraphNode(raw, "topic", focus + ".raw", focus, null));
    nodes.put(job, new GraphNode(job, "job", "gateway", focus, null));
    nodes.put(dlq, new GraphNode(dlq, "topic", focus + ".dlq", focus, null));
    edges.add(new GraphEdge(raw, job, "reads"));
    edges.add(new GraphEdge(job, focus, "writes"));
    edges.add(new GraphEdge(job, dlq, "writes"));
    return graph();
  }

  /** Every product upstream ({@code up}) or downstream of {@code start}, transitively. */
  private Set<String> closure(String start, boolean up) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      for (String next : up ? upstreamOf(id) : downstreamOf(id)) {
        if (!next.equals(start) && seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  private List<String> upstreamOf(String id) {
    ProductState s = products.get(id);
    return s == null ? List.of() : s.upstream();
  }

  private List<String> downstreamOf(String id) {
    List<String> ids = new ArrayList<>();
    products.forEach(
        (other, s) -> {
          if (s.upstream().contains(id)) {
            ids.add(other);
          }
        });
    return ids;
  }

  private void productWithEdges(String id) {
    productWithEdges(id, null);
  }

  /** The product, its upstream edges (within {@code scope} if given) and its consumers. */
  private void productWithEdges(String id, Set<String> scope) {
    ProductState s = products.get(id);
    nodes.put(id, new GraphNode(id, "product", id, id, s.status().json()));
    for (String up : s.upstream()) {
      if (scope == null || scope.contains(up)) {
        if (!products.containsKey(up)) {
          external(up);
        }
        edges.add(new GraphEdge(up, id, "feeds"));
      }
    }
    for (String group : consumers.getOrDefault(id, List.of())) {
      String node = "group:" + group;
      nodes.putIfAbsent(node, new GraphNode(node, "consumer", group, null, null));
      edges.add(new GraphEdge(id, node, "consumes"));
    }
    for (String domain : subscribers.getOrDefault(id, List.of())) {
      String node = "subscriber:" + domain;
      nodes.putIfAbsent(node, new GraphNode(node, "subscriber", domain, null, null));
      edges.add(new GraphEdge(id, node, "subscribed"));
    }
  }

  private void external(String id) {
    nodes.putIfAbsent(id, new GraphNode(id, "external", id, id, null));
  }

  private LineageGraph graph() {
    return new LineageGraph(new ArrayList<>(nodes.values()), new ArrayList<>(edges));
  }
}
