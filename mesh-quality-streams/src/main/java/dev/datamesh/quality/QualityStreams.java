package dev.datamesh.quality;

import dev.datamesh.topics.ProductHealthEvent;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The running quality topology of this service. Thread-safe. Queries read the global health store
 * (every instance holds every product's latest verdict).
 */
public interface QualityStreams {

  /** The Kafka Streams state. */
  KafkaStreams.State state();

  /** The latest health of a product; empty if unknown or while the store is not queryable. */
  Optional<ProductHealthEvent> health(String productId);

  /** The latest health of every product known to the store. */
  List<ProductHealthEvent> allHealth();

  /** True while the store can be queried (state RUNNING). */
  default boolean queryable() {
    return state() == KafkaStreams.State.RUNNING;
  }
}
