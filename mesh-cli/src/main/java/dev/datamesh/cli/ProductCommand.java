package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh product ID}: one product's card from the catalog. */
@Command(
    name = "product",
    header = "Show one data product's card from the catalog.",
    mixinStandardHelpOptions = true,
    description = {
      "Show one data product: contract, owner and support, SLA, freshness, quality, open alerts,",
      "topics, schema, upstream/downstream products and consumers."
    })
final class ProductCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "The product id, <domain>.<product>.")
  String productId;

  @Mixin Endpoints.Catalog catalog;

  @Option(names = "--json", description = "Print the catalog's JSON answer.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut());
    JsonNode detail = catalog.http().getOk("/api/products/" + MeshHttp.segment(productId));
    if (json) {
      console.line(detail.toPrettyString());
      return 0;
    }
    JsonNode summary = detail.path("summary");
    JsonNode contract = detail.path("contract");
    console.line(
        summary.path("productId").asText()
            + "  "
            + summary.path("name").asText("")
            + "  ["
            + summary.path("status").asText("unknown")
            + "]");
    text(console, summary.path("description").asText(""));
    console.field(
        "contract",
        contract.path("version").asText("-")
            + " ("
            + contract.path("status").asText("-")
            + ", compatibility "
            + contract.path("compatibility").asText("-")
            + ", schema id "
            + contract.path("schemaId").asText("-")
            + ")");
    console.field("owner", summary.path("owner").asText("-"));
    for (JsonNode support : detail.path("support")) {
      console.field(
          "support",
          support.path("channel").asText("") + " " + support.path("url").asText("").trim());
    }
    detail
        .path("sla")
        .fields()
        .forEachRemaining(e -> console.field("sla", e.getKey() + " " + e.getValue().asText()));
    console.field("freshness", ProductsCommand.freshness(summary.path("freshness")));
    JsonNode quality = detail.path("quality");
    console.field(
        "quality",
        (quality.hasNonNull("score")
                ? quality.path("score").asDouble() + " % passed"
                : "no score yet")
            + ", health "
            + quality.path("health").asText("unknown"));
    console.field(
        "records",
        summary.path("certified").asLong()
            + " certified, "
            + summary.path("deadLettered").asLong()
            + " dead-lettered");
    JsonNode topics = detail.path("topics");
    console.field(
        "topics",
        topics.path("raw").asText()
            + " → "
            + topics.path("certified").asText()
            + " | "
            + topics.path("deadLetter").asText());
    alerts(console, detail.path("openAlerts"));
    console.field("upstream", names(detail.path("upstream")));
    console.field("downstream", names(detail.path("downstream")));
    List<String> consumers = new ArrayList<>();
    for (JsonNode consumer : detail.path("consumers")) {
      consumers.add(
          consumer.path("groupId").asText() + " (lag " + consumer.path("lag").asText("?") + ")");
    }
    console.field("consumers", consumers.isEmpty() ? "-" : String.join(", ", consumers));
    schema(console, detail.path("schema"));
    return 0;
  }

  private static void alerts(Console console, JsonNode alerts) {
    if (alerts.isEmpty()) {
      console.field("alerts", "none open");
      return;
    }
    for (JsonNode alert : alerts) {
      console.field(
          "alert",
          alert.path("severity").asText()
              + " "
              + alert.path("check").asText()
              + ": observed "
              + alert.path("observed").asText()
              + ", expected "
              + alert.path("expected").asText()
              + " (since "
              + alert.path("since").asText()
              + ")");
    }
  }

  private static void schema(Console console, JsonNode fields) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode f : fields) {
      String pii = f.path("classification").asText("");
      rows.add(
          List.of(
              "  " + f.path("path").asText(),
              f.path("type").asText(""),
              f.path("required").asBoolean() ? "required" : "optional",
              pii.isEmpty() || "public".equals(pii)
                  ? ""
                  : pii + " → " + f.path("masking").asText("-")));
    }
    if (!rows.isEmpty()) {
      console.line("schema:");
      console.table(List.of("  FIELD", "TYPE", "REQUIRED", "CLASSIFICATION"), rows);
    }
  }

  private static String names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names.isEmpty() ? "-" : String.join(", ", names);
  }

  private static void text(Console console, String description) {
    if (!description.isBlank()) {
      console.line("  " + description.strip().replaceAll("\\s+", " "));
    }
  }
}
