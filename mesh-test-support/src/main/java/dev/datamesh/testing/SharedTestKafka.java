package dev.datamesh.testing;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Chooses and starts the JVM-wide test cluster once; see {@link TestKafka}. */
final class SharedTestKafka {
  private static final Logger LOG = LoggerFactory.getLogger(SharedTestKafka.class);
  static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
  static final String KIND_ENV = "MESH_TEST_KAFKA";
  static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

  private static TestKafka instance;

  private SharedTestKafka() {}

  static synchronized TestKafka get() {
    if (instance == null) {
      instance = create(System.getenv(BOOTSTRAP_ENV), setting(KIND_ENV));
      LOG.info("test Kafka ({}) at {}", instance.kind(), instance.bootstrapServers());
    }
    return instance;
  }

  static TestKafka external(String bootstrap) {
    return new External(bootstrap);
  }

  static TestKafka create(String externalBootstrap, String kind) {
    if (externalBootstrap != null && !externalBootstrap.isBlank()) {
      return new External(externalBootstrap.trim());
    }
    String chosen = kind == null ? "in-process" : kind.toLowerCase(Locale.ROOT);
    return switch (chosen) {
      case "in-process", "embedded", "" -> InProcess.start();
      case "testcontainers", "docker" -> Container.start();
      default ->
          throw new IllegalStateException(
              KIND_ENV + " must be in-process or testcontainers, was '" + kind + "'");
    };
  }

  private static String setting(String name) {
    String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    return property != null ? property : System.getenv(name);
  }

  private static Map<String, Object> plain(String bootstrap) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
  }

  private record External(String bootstrapServers) implements TestKafka {
    @Override
    public String kind() {
      return "external";
    }

    @Override
    public Map<String, Object> clientProperties() {
      return plain(bootstrapServers);
    }
  }

  private record InProcess(EmbeddedKafka broker) implements TestKafka {
    static InProcess start() {
      EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
      return new InProcess(broker);
    }

    @Override
    public String bootstrapServers() {
      return broker.bootstrapServers();
    }

    @Override
    public String kind() {
      return "in-process";
    }

    @Override
    public Map<String, Object> clientProperties() {
      return plain(bootstrapServers());
    }

    @Override
    public Optional<Runnable> restarter() {
      return Optional.of(broker::restart);
    }
  }

  private record Container(KafkaContainer container) implements TestKafka {
    static Container start() {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        throw new IllegalStateException(
            KIND_ENV + "=testcontainers needs a Docker engine, and none is reachable");
      }
      KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-shutdown"));
      return new Container(container);
    }

    @Override
    public String bootstrapServers() {
      return container.getBootstrapServers();
    }

    @Override
    public String kind() {
      return "testcontainers";
    }

    @Override
    public Map<String, Object> clientProperties() {
      return plain(bootstrapServers());
    }
  }
}
