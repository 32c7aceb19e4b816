package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh produce ID --json FILE|-}: JSON events into a product through the gateway. */
@Command(
    name = "produce",
    header = "Send JSON events to a product through the gateway.",
    mixinStandardHelpOptions = true,
    description = {
      "Send JSON events to a product through the gateway's ingest API: each is checked against",
      "the contract at once (all or nothing), encoded as Avro and written to the raw topic.",
      "Input: one JSON object, an array, or one object per line. Exit code 1 if refused."
    })
final class ProduceCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "ID", description = "The product id, <domain>.<product>.")
  String productId;

  @Option(
      names = "--json",
      required = true,
      paramLabel = "FILE",
      description = "The events: a file, or - for standard input.")
  String input;

  @Mixin Endpoints.Gateway gateway;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Console console = new Console(spec.commandLine().getOut());
    JsonNode events = events(read());
    MeshHttp.Answer answer =
        gateway
            .http()
            .post(
                "/products/" + MeshHttp.segment(productId) + "/events",
                "application/json",
                events.toString());
    if (answer.ok()) {
      JsonNode body = answer.json();
      console.ok(
          "produced "
              + body.path("records").size()
              + " event(s) to "
              + body.path("topic").asText()
              + " (schema id "
              + body.path("schemaId").asText()
              + ")");
      for (JsonNode record : body.path("records")) {
        console.line(
            "  partition "
                + record.path("partition").asInt()
                + " offset "
                + record.path("offset").asLong());
      }
      return 0;
    }
    console.line("Refused (HTTP " + answer.status() + "): " + answer.message());
    for (JsonNode v : answer.json().path("violations")) {
      console.line("  event " + v.path("index").asInt() + ": " + ContractCommand.describe(v));
    }
    return ContractCommand.VIOLATIONS;
  }

  private String read() throws IOException {
    if ("-".equals(input)) {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return CliFailure.readText(Path.of(input));
  }

  /** One object, an array, or several objects (one per line), as the API's object or array. */
  static JsonNode events(String text) {
    List<JsonNode> values = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        values.add(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      throw new CliFailure(
          "The input is not JSON (event "
              + (values.size() + 1)
              + "): "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (values.isEmpty()) {
      throw new CliFailure("No JSON events in the input");
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
