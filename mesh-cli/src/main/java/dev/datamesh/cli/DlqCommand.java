package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.gateway.SourceOffset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh dlq ID}: a product's dead letters with their reasons; {@code redrive} retries them.
 */
@Command(
    name = "dlq",
    header = "Show a product's dead letters and why; redrive them.",
    mixinStandardHelpOptions = true,
    description = {
      "Show a product's dead letters: where each came from and why it was refused",
      "(mesh.error.code, the field's JSON Pointer, the reason), then a count per code.",
      "'mesh dlq redrive ID' re-checks them against the current contract."
    },
    subcommands = DlqCommand.Redrive.class)
final class DlqCommand implements Callable<Integer> {
  // Optional for picocli, which checks a parent's required parameters even when a subcommand
  // (redrive) runs; call() insists on it.
  @Parameters(
      arity = "0..1",
      paramLabel = "ID",
      description = "The product id, <domain>.<product>.")
  String productId;

  @Mixin Endpoints.Registry registry;
  @Mixin Endpoints.Kafka kafka;

  @Option(
      names = "--live",
      description =
          "Only dead letters not yet redriven (after the redrive group's offsets,"
              + " group <gateway-group>-redrive-ID).")
  boolean live;

  @Option(
      names = "--gateway-group",
      defaultValue = "mesh-gateway",
      description = "The gateway's consumer group (for --live). Default: ${DEFAULT-VALUE}.")
  String gatewayGroup;

  @Option(names = "--code", description = "Only dead letters with this mesh.error.code.")
  String code;

  @Option(names = "--max", paramLabel = "N", description = "Show at most N dead letters.")
  Integer max;

  @Option(names = "--payload", description = "Also print each payload (text, or hex if binary).")
  boolean payload;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new dead letters until Ctrl-C.")
  boolean follow;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (productId == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing product ID: mesh dlq ID, or mesh dlq redrive ID");
    }
    Console console = new Console(spec.commandLine().getOut());
    String topic = registry.topicOf(productId, "deadLetter");
    Map<String, Long> perCode = new TreeMap<>();
    int[] shown = {0};
    try (TopicReader reader = new TopicReader(kafka.clientProperties(), topic)) {
      if (live) {
        reader.startAt(redriveOffsets(gatewayGroup + "-redrive-" + productId));
      }
      reader.read(
          follow,
          record -> {
            String recordCode = header(record, "mesh.error.code");
            if (code != null && !code.equalsIgnoreCase(recordCode)) {
              return true;
            }
            perCode.merge(recordCode, 1L, Long::sum);
            if (max == null || shown[0] < max) {
              console.line(describe(record));
              if (payload) {
                console.line("    payload: " + preview(record.value()));
              }
              shown[0]++;
            }
            return true;
          });
    }
    long total = perCode.values().stream().mapToLong(Long::longValue).sum();
    console.line(
        total == 0
            ? "No " + (live ? "live " : "") + "dead letters in " + topic + "."
            : total
                + " dead letter(s) in "
                + topic
                + (live ? " (live)" : "")
                + ": "
                + perCode.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
    return 0;
  }

  private Map<TopicPartition, Long> redriveOffsets(String group) throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> offsets =
          new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      committed.forEach(
          (partition, offset) -> {
            if (offset != null) {
              offsets.put(partition, offset.offset());
            }
          });
      return offsets;
    } catch (ExecutionException e) {
      throw new CliFailure(
          "Cannot read the offsets of group " + group + ": " + e.getCause().getMessage());
    }
  }

  static String describe(ConsumerRecord<byte[], byte[]> record) {
    String field = header(record, "mesh.error.field");
    return String.format(
        "p%d@%d  %s  key=%s  %s%s: %s  (from %s, %d bytes)",
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8),
        header(record, "mesh.error.code"),
        field.isEmpty() || "-".equals(field) ? "" : " at " + field,
        header(record, "mesh.error.reason"),
        SourceOffset.of(record.headers()).map(SourceOffset::toString).orElse("-"),
        record.value() == null ? 0 : record.value().length);
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? "-"
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Printable text as is (cut at 200 chars), anything else as hex. */
  static String preview(byte[] value) {
    if (value == null) {
      return "null (tombstone)";
    }
    String text = new String(value, StandardCharsets.UTF_8);
    boolean printable =
        text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t');
    if (printable) {
      return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(value.length, 64); i++) {
      hex.append(String.format("%02x", value[i]));
    }
    return "0x" + hex + (value.length > 64 ? "…" : "");
  }

  /** {@code mesh dlq redrive ID}: re-check the live dead letters against the current contract. */
  @Command(
      name = "redrive",
      mixinStandardHelpOptions = true,
      description = {
        "Re-check a product's live dead letters against its current contract (exactly once):",
        "those that pass are certified now, the others stay dead-lettered with their new reason."
      })
  static final class Redrive implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The product id, <domain>.<product>.")
    String productId;

    @Mixin Endpoints.Gateway gateway;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Console console = new Console(spec.commandLine().getOut());
      console.progress("Redriving the dead letters of " + productId + " ...");
      MeshHttp http = gateway.http();
      JsonNode report =
          http.requireOk(
              http.post(
                  "/products/" + MeshHttp.segment(productId) + "/dlq/redrive",
                  "application/json",
                  ""));
      console.ok(
          report.path("examined").asLong()
              + " examined under contract "
              + report.path("contractVersion").asText()
              + ": "
              + report.path("certified").asLong()
              + " certified now");
      report
          .path("stillFailing")
          .fields()
          .forEachRemaining(
              e -> console.field(e.getKey(), e.getValue().asText() + " still failing"));
      return 0;
    }
  }
}
