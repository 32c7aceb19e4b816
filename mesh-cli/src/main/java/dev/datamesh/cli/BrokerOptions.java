package dev.datamesh.cli;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import dev.datamesh.kafka.embedded.EmbeddedSecurity;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the embedded broker, shared by {@code mesh kafka} and {@code mesh dev}. */
final class BrokerOptions {

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Client port of the broker (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--data-dir",
      description = "Where the broker keeps its data. Default: ~/.mesh/kafka.")
  Path dataDir;

  Path dataDir() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".mesh", "kafka");
  }

  EmbeddedKafka start() {
    return EmbeddedKafka.start(EmbeddedKafkaConfig.persistent(dataDir()).withPort(port));
  }

  /** The broker with SASL/PLAIN authentication and ACL authorisation. */
  EmbeddedKafka start(EmbeddedSecurity security) {
    return EmbeddedKafka.start(
        EmbeddedKafkaConfig.persistent(dataDir()).withPort(port).withSecurity(security));
  }
}
