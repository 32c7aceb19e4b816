package dev.datamesh.testing;

import java.util.Map;
import java.util.Optional;

/**
 * A real Kafka cluster for tests: an in-process KRaft broker (default), a Testcontainers {@code
 * apache/kafka} container ({@code MESH_TEST_KAFKA=testcontainers}, needs a Docker engine), or an
 * external cluster ({@code KAFKA_BOOTSTRAP_SERVERS} set).
 *
 * <p>One cluster is shared by every test in a JVM ({@link #shared()}); tests keep apart by using
 * {@link TestTopics#unique(String)} names. It is stopped when the JVM exits, after the tests have
 * closed their own clients and Micronaut contexts.
 *
 * <p>Thread-safe.
 */
public interface TestKafka {

  /** The cluster shared by all tests in this JVM, started on first use. */
  static TestKafka shared() {
    return SharedTestKafka.get();
  }

  /** A cluster someone else runs (an external one, or a broker a test started itself). */
  static TestKafka external(String bootstrapServers) {
    return SharedTestKafka.external(bootstrapServers);
  }

  /** {@code bootstrap.servers} for clients. */
  String bootstrapServers();

  /**
   * What kind of cluster this is ({@code in-process}, {@code testcontainers}, {@code external}).
   */
  String kind();

  /** Client properties every test client needs (bootstrap and, for secured clusters, security). */
  Map<String, Object> clientProperties();

  /**
   * Stops and starts the broker on the same data and port, for broker-restart tests; empty when the
   * cluster cannot be restarted from here (external clusters, containers).
   */
  default Optional<Runnable> restarter() {
    return Optional.empty();
  }
}
