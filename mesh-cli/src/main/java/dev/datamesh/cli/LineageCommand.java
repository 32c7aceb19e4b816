package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mesh lineage ID}: the lineage graph around one product, as edges or Graphviz; without an
 * id, {@code mesh lineage} runs the lineage and catalog service like the other service commands.
 */
@Command(
    name = "lineage",
    header = "Show a product's lineage (with an ID), or run the lineage service.",
    mixinStandardHelpOptions = true,
    description = {
      "mesh lineage ID: show the lineage around a product (upstream products, its topics and",
      "gateway job, downstream products and the consumer groups reading it).",
      "mesh lineage: run the lineage and catalog service (default port 8080)."
    })
final class LineageCommand extends ServiceCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "ID",
      description = "The product id, <domain>.<product>. Without it: run the service.")
  String productId;

  @Mixin Endpoints.Catalog catalog;

  @Option(names = "--json", description = "Print the catalog's JSON graph.")
  boolean json;

  @Option(names = "--dot", description = "Print the graph in Graphviz DOT (pipe to `dot -Tsvg`).")
  boolean dot;

  @Override
  MeshService service() {
    return MeshService.LINEAGE;
  }

  @Override
  public Integer call() {
    if (productId == null) {
      return super.call();
    }
    Console console = new Console(spec.commandLine().getOut());
    JsonNode graph =
        catalog.http().getOk("/api/products/" + MeshHttp.segment(productId) + "/lineage");
    if (json) {
      console.line(graph.toPrettyString());
      return 0;
    }
    Map<String, String> labels = new HashMap<>();
    Map<String, String> kinds = new HashMap<>();
    for (JsonNode node : graph.path("nodes")) {
      labels.put(node.path("id").asText(), node.path("label").asText(node.path("id").asText()));
      kinds.put(node.path("id").asText(), node.path("kind").asText());
    }
    if (dot) {
      console.line(dot(graph, labels, kinds));
      return 0;
    }
    console.line("Lineage of " + productId + " (" + labels.size() + " nodes)");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode edge : graph.path("edges")) {
      String source = edge.path("source").asText();
      String target = edge.path("target").asText();
      rows.add(
          List.of(
              "  " + describe(source, labels, kinds),
              "─" + edge.path("kind").asText() + "→",
              describe(target, labels, kinds)));
    }
    console.table(List.of("  FROM", "", "TO"), rows);
    return 0;
  }

  private static String describe(String id, Map<String, String> labels, Map<String, String> kinds) {
    return labels.getOrDefault(id, id) + " (" + kinds.getOrDefault(id, "?") + ")";
  }

  private static String dot(JsonNode graph, Map<String, String> labels, Map<String, String> kinds) {
    StringBuilder out = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    labels.forEach(
        (id, label) ->
            out.append("  \"")
                .append(id)
                .append("\" [label=\"")
                .append(label)
                .append("\", shape=")
                .append("product".equals(kinds.get(id)) ? "box" : "ellipse")
                .append("];\n"));
    for (JsonNode edge : graph.path("edges")) {
      out.append("  \"")
          .append(edge.path("source").asText())
          .append("\" -> \"")
          .append(edge.path("target").asText())
          .append("\" [label=\"")
          .append(edge.path("kind").asText())
          .append("\"];\n");
    }
    return out.append('}').toString();
  }
}
