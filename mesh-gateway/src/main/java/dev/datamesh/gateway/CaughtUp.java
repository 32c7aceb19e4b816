package dev.datamesh.gateway;

import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer has read everything its partitions held at their last fetch ({@link
 * Consumer#currentLag}, against the last stable offset for {@code read_committed}). An unknown lag
 * counts as caught up: it is only unknown before a partition's first fetch. Called on the
 * consumer's own thread.
 */
final class CaughtUp {
  private CaughtUp() {}

  static boolean check(Consumer<?, ?> consumer) {
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(tp);
      if (lag.isPresent() && lag.getAsLong() > 0) {
        return false;
      }
    }
    return true;
  }
}
