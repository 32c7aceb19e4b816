package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.serde.AvroDeserializer;
import dev.datamesh.contracts.serde.SchemaRegistryClientConfig;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh consume ID}: a product's certified records, decoded, one JSON line each. */
@Command(
    name = "consume",
    header = "Print a product's certified records as decoded JSON.",
    mixinStandardHelpOptions = true,
    description = {
      "Print a product's certified records as JSON lines, decoded with the registry's schemas",
      "(committed records only, from the beginning; no consumer group is created)."
    })
final class ConsumeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "ID", description = "The product id, <domain>.<product>.")
  String productId;

  @Mixin Endpoints.Registry registry;
  @Mixin Endpoints.Kafka kafka;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new records until Ctrl-C.")
  boolean follow;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Integer max;

  @Option(
      names = "--metadata",
      description = "Print {partition, offset, timestamp, key, headers, value} per record.")
  boolean metadata;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut());
    String topic = registry.topicOf(productId, "certified");
    Map<String, Object> serde = new HashMap<>();
    serde.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url);
    if (registry.token != null && !registry.token.isBlank()) {
      serde.put(SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, registry.token);
    }
    int[] printed = {0};
    try (AvroDeserializer<Object> values = new AvroDeserializer<>();
        TopicReader reader = new TopicReader(kafka.clientProperties(), topic)) {
      values.configure(serde, false);
      reader.read(
          follow,
          record -> {
            console.line(render(record, decode(values, record)));
            printed[0]++;
            return max == null || printed[0] < max;
          });
    }
    if (printed[0] == 0 && !follow) {
      spec.commandLine().getErr().println("No certified records in " + topic + " yet.");
    }
    return 0;
  }

  private static JsonNode decode(
      AvroDeserializer<Object> values, ConsumerRecord<byte[], byte[]> record) {
    try {
      Object value = values.deserialize(record.topic(), record.headers(), record.value());
      if (value instanceof GenericContainer container) {
        return AvroJsonView.of(value, container.getSchema());
      }
      return value == null ? JSON.nullNode() : JSON.valueToTree(value);
    } catch (SerializationException | IllegalArgumentException e) {
      // The gateway only certifies decodable records; say so rather than stop the listing.
      return JSON.createObjectNode().put("undecodable", String.valueOf(e.getMessage()));
    }
  }

  private String render(ConsumerRecord<byte[], byte[]> record, JsonNode value) {
    if (!metadata) {
      return value.toString();
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", record.timestamp());
    line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    ObjectNode headers = line.putObject("headers");
    for (Header header : record.headers()) {
      headers.put(
          header.key(),
          header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    line.set("value", value);
    return line.toString();
  }
}
