package dev.datamesh.quality.streams;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.quality.contracts.ProductContracts;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The quality topology (docs/QUALITY.md): certified topics (pattern), dead-letter topics (pattern)
 * and the gateway's stats topic, re-keyed by product; per-product event-time windows, checks from
 * the contracts, alert lifecycle and product health; outputs on the metrics, alerts and health
 * topics. Store names are public for interactive queries.
 */
public interface QualityTopology {
  /** Open windows (key = product, size, start). */
  String WINDOWS_STORE = "quality-windows";

  /** Unique keys seen per window, for duplicate detection (a window store; bounded retention). */
  String SEEN_KEYS_STORE = "quality-seen-keys";

  /** Per product: when it became known and its newest certified event time. */
  String PRODUCTS_STORE = "quality-products";

  /** Watermark, last closed window per product and size, late-record counts. */
  String MARKS_STORE = "quality-marks";

  /** Open (FIRING) alerts by fingerprint. */
  String ALERTS_STORE = "quality-alerts";

  /**
   * Global store: the latest {@code ProductHealthEvent} of every product, from the health topic.
   */
  String HEALTH_STORE = "quality-health";

  /**
   * The Kafka Streams settings the topology is meant to run with, beyond the guarantee and the
   * commit interval (the service applies them first, so its {@code streams.*} settings override):
   *
   * <ul>
   *   <li>{@code max.task.idle.ms} -1: the first stage merges certified, dead-letter and stats
   *       topics into one task; with the default (0) Kafka Streams checks per record whether to
   *       wait for its empty partitions (a dead-letter topic usually is) and formats a log line
   *       each time, ~10 % of the stream thread. Nothing here depends on interleaving those topics
   *       by timestamp (windows are kept after the repartition, by event time).
   *   <li>producer {@code batch.size} 256 KiB: the stream thread appends more slowly than the
   *       producer sends, so each produce request carried about one full 16 KiB batch (~90-150
   *       records); the broker's and the sender's cost per request then showed per record.
   * </ul>
   */
  static Map<String, Object> streamsSettings() {
    return Map.of(
        StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
        StreamsConfig.MAX_TASK_IDLE_MS_DISABLED,
        StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG),
        256 * 1024);
  }

  /**
   * Builds the topology. {@code registry} decodes certified values (one client shared by all tasks;
   * the caller closes it); {@code contracts} is read on every record.
   */
  static Topology build(
      QualitySettings settings, ProductContracts contracts, SchemaRegistryClient registry) {
    return new QualityTopologyBuilder(settings, contracts, registry).build();
  }
}
