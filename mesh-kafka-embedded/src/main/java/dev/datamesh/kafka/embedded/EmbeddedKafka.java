package dev.datamesh.kafka.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real single-node Kafka broker (combined KRaft broker + controller) running in this JVM.
 *
 * <p>It is the broker from the Kafka artifacts on Maven Central, not a fake: clients talk to it
 * over TCP exactly as to any cluster. The data directory is formatted on first start and reused
 * afterwards, so topics and offsets survive a {@link #restart()} or a new process on the same
 * directory.
 *
 * <p>Thread-safety: {@link #start}, {@link #restart()} and {@link #close()} are synchronised;
 * {@link #bootstrapServers()} may be called from any thread. The client port stays the same across
 * restarts, so clients reconnect by themselves.
 *
 * <p>Errors: {@link EmbeddedKafkaException} with a message an operator can act on (port in use,
 * data directory locked by another broker, ...).
 */
public interface EmbeddedKafka extends AutoCloseable {

  /** Formats the data directory if needed, starts the broker and waits until it serves. */
  static EmbeddedKafka start(EmbeddedKafkaConfig config) {
    KraftBroker broker = new KraftBroker(config);
    broker.startup();
    return broker;
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  String bootstrapServers();

  /** SASL users and ACL authorisation, when the broker was started with them. */
  Optional<EmbeddedSecurity> security();

  /**
   * Client properties (Kafka names) to connect as {@code user}: bootstrap servers, plus the SASL
   * settings when the broker is secured (any user name is accepted on an unsecured broker).
   *
   * @throws IllegalArgumentException if the broker is secured and has no such user
   */
  default Map<String, Object> clientProperties(String user) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers());
    security().ifPresent(s -> props.putAll(s.clientProperties(user)));
    return props;
  }

  /** The directory holding the broker's log and metadata. */
  Path dataDir();

  /** Whether the broker is currently running. */
  boolean isRunning();

  /** Stops the broker, keeping its data, so {@link #restart()} can bring it back. */
  void stop();

  /** Stops (if running) and starts again on the same ports and data directory. */
  void restart();

  /** Stops the broker; deletes the data directory when configured to. Idempotent. */
  @Override
  void close();
}
