package dev.datamesh.quality.streams;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.quality.contracts.ProductContracts;
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
   * Builds the topology. {@code registry} decodes certified values (one client shared by all tasks;
   * the caller closes it); {@code contracts} is read on every record.
   */
  static Topology build(
      QualitySettings settings, ProductContracts contracts, SchemaRegistryClient registry) {
    return new QualityTopologyBuilder(settings, contracts, registry).build();
  }
}
