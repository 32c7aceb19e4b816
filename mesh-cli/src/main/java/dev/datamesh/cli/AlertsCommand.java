package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh alerts}: quality alerts from {@code mesh.quality.alerts}, optionally live. */
@Command(
    name = "alerts",
    header = "Show quality alerts; --follow for new ones.",
    mixinStandardHelpOptions = true,
    description = {
      "Show quality alerts (FIRING / RESOLVED) from mesh.quality.alerts, oldest first.",
      "--follow keeps printing new ones until Ctrl-C."
    })
final class AlertsCommand implements Callable<Integer> {
  static final String TOPIC = "mesh.quality.alerts";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin Endpoints.Kafka kafka;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new alerts until Ctrl-C.")
  boolean follow;

  @Option(names = "--product", paramLabel = "ID", description = "Only this product's alerts.")
  String product;

  @Option(
      names = "--open",
      description = "Only alerts that are firing now (the last state of each check).")
  boolean open;

  @Option(
      names = "--max",
      paramLabel = "N",
      description = "Stop after printing N alerts (with --follow: wait for them).")
  Integer max;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut());
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    int[] printed = {0};
    try (TopicReader reader = new TopicReader(kafka.clientProperties(), TOPIC)) {
      reader.read(
          follow && !open,
          record -> {
            JsonNode alert = parse(record.value());
            if (alert == null
                || (product != null && !product.equals(alert.path("productId").asText()))) {
              return true;
            }
            if (open) {
              latest.put(alert.path("fingerprint").asText(), alert);
              return true;
            }
            console.line(describe(alert));
            printed[0]++;
            return max == null || printed[0] < max;
          });
    }
    if (open) {
      latest.values().stream()
          .filter(a -> "FIRING".equals(a.path("status").asText()))
          .limit(max == null ? Long.MAX_VALUE : max)
          .forEach(a -> console.line(describe(a)));
    } else if (printed[0] == 0 && !follow) {
      console.line("No alerts" + (product == null ? "" : " for " + product) + " yet.");
    }
    return 0;
  }

  static String describe(JsonNode alert) {
    String inhibited =
        alert.path("inhibitedBy").isEmpty()
            ? ""
            : " [inhibited by " + alert.path("inhibitedBy").toString() + "]";
    return String.format(
        "%s  %-8s %-7s %s %s: observed %s, expected %s (owner %s, %s)%s",
        alert.path("at").asText(),
        alert.path("status").asText(),
        alert.path("severity").asText(),
        alert.path("productId").asText(),
        alert.path("check").asText(),
        alert.path("observed").asText(),
        alert.path("expected").asText(),
        alert.path("owner").asText("-"),
        alert.path("supportChannel").asText("-"),
        inhibited);
  }

  private static JsonNode parse(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      return null; // Not an alert: the topic is the quality service's, skip what is not ours.
    }
  }
}
