package dev.datamesh.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of an {@link EmbeddedKafka} broker.
 *
 * @param host the address the broker binds and advertises (default {@code 127.0.0.1})
 * @param port the client (PLAINTEXT) port; {@code 0} picks a free port at start
 * @param dataDir where the KRaft log lives; {@code null} means a temporary directory
 * @param deleteOnClose whether {@link EmbeddedKafka#close()} deletes {@code dataDir}
 * @param brokerProperties extra broker properties that override the defaults
 * @param security SASL/PLAIN users and ACL authorisation; {@code null} for a PLAINTEXT broker that
 *     lets everyone do everything
 */
public record EmbeddedKafkaConfig(
    String host,
    int port,
    Path dataDir,
    boolean deleteOnClose,
    Map<String, String> brokerProperties,
    EmbeddedSecurity security) {

  /** The port {@code ./mesh kafka} and {@code ./mesh dev} use unless told otherwise. */
  public static final int DEFAULT_PORT = 9092;

  public EmbeddedKafkaConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    brokerProperties = Map.copyOf(brokerProperties);
  }

  /** A PLAINTEXT broker without authorisation. */
  public EmbeddedKafkaConfig(
      String host,
      int port,
      Path dataDir,
      boolean deleteOnClose,
      Map<String, String> brokerProperties) {
    this(host, port, dataDir, deleteOnClose, brokerProperties, null);
  }

  /** A persistent broker on {@link #DEFAULT_PORT} whose data survives restarts. */
  public static EmbeddedKafkaConfig persistent(Path dataDir) {
    return new EmbeddedKafkaConfig("127.0.0.1", DEFAULT_PORT, dataDir, false, Map.of());
  }

  /** A throw-away broker on a free port, in a temporary directory deleted on close. */
  public static EmbeddedKafkaConfig ephemeral() {
    return new EmbeddedKafkaConfig("127.0.0.1", 0, null, true, Map.of());
  }

  public EmbeddedKafkaConfig withPort(int newPort) {
    return new EmbeddedKafkaConfig(
        host, newPort, dataDir, deleteOnClose, brokerProperties, security);
  }

  public EmbeddedKafkaConfig withDataDir(Path newDataDir) {
    return new EmbeddedKafkaConfig(
        host, port, newDataDir, deleteOnClose, brokerProperties, security);
  }

  public EmbeddedKafkaConfig withBrokerProperty(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(brokerProperties);
    copy.put(key, value);
    return new EmbeddedKafkaConfig(host, port, dataDir, deleteOnClose, copy, security);
  }

  /** This broker with SASL/PLAIN authentication and ACL authorisation ({@code null}: none). */
  public EmbeddedKafkaConfig withSecurity(EmbeddedSecurity newSecurity) {
    return new EmbeddedKafkaConfig(
        host, port, dataDir, deleteOnClose, brokerProperties, newSecurity);
  }
}
