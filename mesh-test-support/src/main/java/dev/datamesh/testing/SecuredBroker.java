package dev.datamesh.testing;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import dev.datamesh.kafka.embedded.EmbeddedSecurity;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JVM's {@link SecuredTestKafka} once. */
final class SecuredBroker implements SecuredTestKafka {
  private static final Logger LOG = LoggerFactory.getLogger(SecuredBroker.class);
  private static SecuredBroker instance;

  private final EmbeddedKafka broker;

  private SecuredBroker(EmbeddedKafka broker) {
    this.broker = broker;
  }

  static synchronized SecuredTestKafka get() {
    if (instance == null) {
      EmbeddedSecurity security =
          EmbeddedSecurity.admin(ADMIN, password(ADMIN))
              .withSuperUser(REGISTRY, password(REGISTRY))
              .withUser(GATEWAY, password(GATEWAY))
              .withUser(QUALITY, password(QUALITY))
              .withUser(LINEAGE, password(LINEAGE));
      for (String domain : DOMAINS) {
        security = security.withUser(domain, password(domain));
      }
      EmbeddedKafka broker =
          EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withSecurity(security));
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "secured-kafka-shutdown"));
      instance = new SecuredBroker(broker);
      LOG.info("secured test Kafka (SASL/PLAIN + ACLs) at {}", broker.bootstrapServers());
    }
    return instance;
  }

  static String password(String user) {
    return user + "-secret";
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String kind() {
    return "in-process-secured";
  }

  @Override
  public Map<String, Object> clientProperties() {
    return broker.clientProperties(ADMIN);
  }

  @Override
  public TestKafka as(String user) {
    Map<String, Object> props = Map.copyOf(broker.clientProperties(user));
    return new User(bootstrapServers(), user, props);
  }

  private record User(String bootstrapServers, String user, Map<String, Object> clientProperties)
      implements TestKafka {
    @Override
    public String kind() {
      return "in-process-secured as " + user;
    }
  }
}
