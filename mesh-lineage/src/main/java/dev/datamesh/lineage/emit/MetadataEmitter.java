package dev.datamesh.lineage.emit;

import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.lineage.catalog.Catalog;
import dev.datamesh.lineage.discovery.ConsumerGroup;
import dev.datamesh.lineage.openlineage.LineageEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Publishes the mesh's lineage on {@code mesh.metadata}, exactly once: reads the gateway stats and
 * quality topics with a consumer group and writes the resulting RunEvents in the same Kafka
 * transaction as the consumed offsets; contract changes, consumer discoveries and freshness changes
 * join the next transaction. State it needs after a restart (published contract versions, started
 * runs, newest event times) is taken from the replayed {@link Catalog}.
 *
 * <p>Threading: one emitter thread owns the Kafka clients; the notification methods may be called
 * from any thread and only queue work. A failed transaction is aborted and retried with fresh
 * clients from the committed offsets; nothing is lost or counted twice.
 */
public interface MetadataEmitter extends AutoCloseable {

  /** Starts the emitter thread. Call after the catalog's start-up replay. */
  static MetadataEmitter start(
      EmitterSettings settings,
      Map<String, Object> kafkaProperties,
      LineageEvents events,
      Catalog catalog,
      Clock clock) {
    return TransactionalEmitter.start(settings, kafkaProperties, events, catalog, clock);
  }

  /** A product's contract was registered or evolved (or is seen again after a restart). */
  void contractChanged(RegisteredContract contract);

  /** A product's contract left the registry. */
  void contractRemoved(String productId);

  /** The latest consumer discovery snapshot. */
  void consumersDiscovered(List<ConsumerGroup> groups);

  /** False while transactions fail. */
  boolean healthy();

  @Override
  void close();
}
