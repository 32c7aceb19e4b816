package dev.datamesh.lineage.subscriptions;

import dev.datamesh.lineage.catalog.Subscriber;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls the registry's approved subscriptions ({@code GET /subscriptions?status=APPROVED}) so the
 * lineage graph shows who may read each product, next to the consumer groups discovered in Kafka.
 * Each successful round hands a complete snapshot to the sink; a failed round (registry down, or an
 * older registry without the endpoint) is logged at DEBUG and changes nothing. Runs on its own
 * daemon thread.
 */
public interface SubscriptionPoller extends AutoCloseable {

  /** Starts polling {@code registry} every {@code interval} (first round at once). */
  static SubscriptionPoller start(
      URI registry,
      Optional<String> bearerToken,
      Duration interval,
      Consumer<List<Subscriber>> sink) {
    return new HttpSubscriptionPoller(registry, bearerToken, interval, sink);
  }

  /** One round now, on the caller's thread; empty when the registry did not answer. */
  Optional<List<Subscriber>> poll();

  @Override
  void close();
}
