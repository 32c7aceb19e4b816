package dev.datamesh.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where a certified or dead-letter record came from: the raw record's topic, partition and offset,
 * carried in the one header {@value MeshHeaders#SOURCE_OFFSET} as {@code topic/partition/offset}
 * (Kafka topic names cannot hold {@code /}). One header instead of three keeps the per-record cost
 * of the gateway's output down (docs/DECISIONS.md). Immutable.
 *
 * @param topic the raw topic
 * @param partition the raw partition
 * @param offset the raw offset
 */
public record SourceOffset(String topic, int partition, long offset) {
  // Written by gateways before the coordinates were merged into one header; still read so that
  // older dead letters can be listed and redriven.
  static final String LEGACY_TOPIC = "mesh.source.topic";
  static final String LEGACY_PARTITION = "mesh.source.partition";

  /** The header value: {@code topic/partition/offset}. */
  public String text() {
    return topic + "/" + partition + "/" + offset;
  }

  /** {@code topic:partition@offset}, for people. */
  @Override
  public String toString() {
    return topic + ":" + partition + "@" + offset;
  }

  /**
   * Parses {@code topic/partition/offset}; empty if the text has another shape (a forged or foreign
   * header is not an error of the record that carries it).
   */
  public static Optional<SourceOffset> parse(String text) {
    int last = text.lastIndexOf('/');
    int middle = last <= 0 ? -1 : text.lastIndexOf('/', last - 1);
    if (middle <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SourceOffset(
              text.substring(0, middle),
              Integer.parseInt(text.substring(middle + 1, last)),
              Long.parseLong(text.substring(last + 1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The source of a record the gateway wrote, from its last {@value MeshHeaders#SOURCE_OFFSET}
   * header (a producer's forged copy comes earlier), or from the three headers older gateways
   * wrote; empty if neither is there.
   */
  public static Optional<SourceOffset> of(Headers headers) {
    String merged = text(headers.lastHeader(MeshHeaders.SOURCE_OFFSET));
    Optional<SourceOffset> parsed = merged == null ? Optional.empty() : parse(merged);
    if (parsed.isPresent()) {
      return parsed;
    }
    String topic = text(headers.lastHeader(LEGACY_TOPIC));
    String partition = text(headers.lastHeader(LEGACY_PARTITION));
    if (topic == null || partition == null || merged == null) {
      return Optional.empty();
    }
    return parse(topic + "/" + partition + "/" + merged);
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
