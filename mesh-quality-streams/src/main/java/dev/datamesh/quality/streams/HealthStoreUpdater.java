package dev.datamesh.quality.streams;

import dev.datamesh.topics.ProductHealthEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global health store equal to the health topic (latest verdict per product). */
final class HealthStoreUpdater implements Processor<String, ProductHealthEvent, Void, Void> {
  private KeyValueStore<String, ProductHealthEvent> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(QualityTopology.HEALTH_STORE);
  }

  @Override
  public void process(Record<String, ProductHealthEvent> record) {
    // Null values (malformed documents, tombstones) are ignored: only this service writes the
    // topic, and it never deletes a product's verdict.
    if (record.key() != null && record.value() != null) {
      store.put(record.key(), record.value());
    }
  }
}
