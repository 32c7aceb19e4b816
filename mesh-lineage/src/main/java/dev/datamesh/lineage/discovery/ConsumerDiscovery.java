package dev.datamesh.lineage.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the consumers of certified topics with the Kafka admin API: lists every consumer group,
 * reads its committed offsets and keeps the groups that committed on a {@code *.certified} topic. A
 * new group appears at the next round without any registration. Groups whose id starts with one of
 * the ignored prefixes (the mesh's own services) are left out.
 *
 * <p>Runs on its own daemon thread; each round's result (a complete snapshot) goes to the sink on
 * that thread. A failed round is logged and retried at the next interval.
 */
public interface ConsumerDiscovery extends AutoCloseable {

  /**
   * Starts discovering every {@code interval} with an admin client built from {@code
   * kafkaProperties} (first round at once).
   */
  static ConsumerDiscovery start(
      Map<String, Object> kafkaProperties,
      List<String> ignoredPrefixes,
      Duration interval,
      Consumer<List<ConsumerGroup>> sink) {
    return AdminConsumerDiscovery.start(kafkaProperties, ignoredPrefixes, interval, sink);
  }

  /** Runs one round now, on the caller's thread, and returns its snapshot. */
  List<ConsumerGroup> discover();

  /** Whether the last round reached the cluster. */
  boolean healthy();

  @Override
  void close();
}
