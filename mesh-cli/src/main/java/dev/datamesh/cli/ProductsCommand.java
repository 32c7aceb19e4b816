package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh products}: the catalog's data products, one line each. */
@Command(
    name = "products",
    mixinStandardHelpOptions = true,
    description = "List the data products in the catalog, with health, freshness and counts.")
final class ProductsCommand implements Callable<Integer> {
  @Mixin Endpoints.Catalog catalog;

  @Option(names = "--domain", description = "Only this domain's products.")
  String domain;

  @Option(names = "--owner", description = "Only this owner's products.")
  String owner;

  @Option(names = "--tag", description = "Only products with this tag.")
  String tag;

  @Option(
      names = "--status",
      description = "Only products with this status (healthy, degraded, failing, stale, unknown).")
  String status;

  @Option(
      names = {"-q", "--search"},
      description = "Words to find in id, name, description, owner or tags.")
  String search;

  @Option(names = "--json", description = "Print the catalog's JSON answer instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut());
    StringBuilder query = new StringBuilder();
    param(query, "domain", domain);
    param(query, "owner", owner);
    param(query, "tag", tag);
    param(query, "status", status);
    param(query, "q", search);
    JsonNode answer = catalog.http().getOk("/api/products" + query);
    if (json) {
      console.line(answer.toPrettyString());
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode p : answer.path("products")) {
      rows.add(
          List.of(
              p.path("productId").asText(),
              p.path("status").asText("unknown"),
              p.path("version").asText("-"),
              p.path("owner").asText("-"),
              p.path("certified").asText("0"),
              p.path("deadLettered").asText("0"),
              freshness(p.path("freshness")),
              p.path("openAlerts").asText("0"),
              p.path("consumers").asText("0")));
    }
    if (rows.isEmpty()) {
      console.line(
          answer.path("ready").asBoolean(true)
              ? "No data products" + (query.length() > 0 ? " match " + query.substring(1) : "")
              : "The catalog is still reading mesh.metadata; try again in a few seconds.");
      return 0;
    }
    console.table(
        List.of(
            "PRODUCT",
            "STATUS",
            "VERSION",
            "OWNER",
            "CERTIFIED",
            "DEAD-LETTERED",
            "FRESHNESS",
            "ALERTS",
            "CONSUMERS"),
        rows);
    return 0;
  }

  static String freshness(JsonNode freshness) {
    if (freshness.isMissingNode() || freshness.isNull()) {
      return "-";
    }
    String status = freshness.path("status").asText("unknown");
    return freshness.hasNonNull("ageSeconds")
        ? status + " (" + freshness.path("ageSeconds").asLong() + "s old)"
        : status;
  }

  private static void param(StringBuilder query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
      query.append(MeshHttp.segment(value));
    }
  }
}
