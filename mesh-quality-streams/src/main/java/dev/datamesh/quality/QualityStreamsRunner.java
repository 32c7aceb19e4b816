package dev.datamesh.quality;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.quality.streams.QualityTopology;
import dev.datamesh.topics.ProductHealthEvent;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the output topics, builds the topology and runs its {@link KafkaStreams} for the life of
 * the context (docs/DECISIONS.md: not micronaut-kafka-streams). A failed stream thread is replaced
 * (the state store changelogs make that safe); health shows the state.
 */
@Context
final class QualityStreamsRunner implements QualityStreams {
  private static final Logger LOG = LoggerFactory.getLogger(QualityStreamsRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final QualityConfig config;
  private final ProductContracts contracts;
  private final SchemaRegistryClient registry;
  private final String bootstrapServers;
  private final Map<String, Object> security;
  private KafkaStreams streams;

  QualityStreamsRunner(
      QualityConfig config,
      ProductContracts contracts,
      SchemaRegistryClient registry,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      KafkaDefaultConfiguration kafka) {
    this.config = config;
    this.contracts = contracts;
    this.registry = registry;
    this.bootstrapServers = bootstrapServers;
    this.security = securitySettings(kafka);
  }

  /**
   * The client security settings among {@code kafka.*} ({@code security.protocol}, {@code sasl.*},
   * {@code ssl.*}), which every client of the topology and the admin client get.
   */
  static Map<String, Object> securitySettings(KafkaDefaultConfiguration kafka) {
    Map<String, Object> out = new HashMap<>();
    kafka
        .getConfig()
        .forEach(
            (k, v) -> {
              String key = String.valueOf(k);
              if (key.equals("security.protocol")
                  || key.startsWith("sasl.")
                  || key.startsWith("ssl.")) {
                out.put(key, v);
              }
            });
    return Map.copyOf(out);
  }

  @PostConstruct
  void start() {
    QualityTopics.create(config, bootstrapServers, security);
    Topology topology = QualityTopology.build(config.settings(), contracts, registry);
    LOG.debug("quality topology:\n{}", topology.describe());
    streams = new KafkaStreams(topology, properties());
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("quality stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("quality streams {} -> {}", before, now));
    streams.start();
    LOG.info(
        "quality streams {} started on {} (certified topics matching {})",
        config.applicationId(),
        bootstrapServers,
        config.certifiedPattern());
  }

  Properties properties() {
    Properties props = new Properties();
    // A stream thread that dies (Kafka Streams 4.3 can fail one with "topic unknown to the
    // topology" when a pattern-matched topic appears) is replaced, but its old member stays in the
    // group until the session times out; 10 s instead of 45 s bounds that stall.
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    props.putAll(QualityTopology.streamsSettings()); // a streams.* setting overrides
    props.putAll(security);
    props.putAll(config.streams());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG),
        (int) config.topicRefresh().toMillis());
    if (config.commitInterval() != null) {
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    }
    return props;
  }

  @Override
  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  @Override
  public Optional<ProductHealthEvent> health(String productId) {
    return store().map(s -> s.get(productId));
  }

  @Override
  public List<ProductHealthEvent> allHealth() {
    List<ProductHealthEvent> all = new ArrayList<>();
    store()
        .ifPresent(
            s -> {
              try (KeyValueIterator<String, ProductHealthEvent> it = s.all()) {
                it.forEachRemaining(kv -> all.add(kv.value));
              }
            });
    return all;
  }

  private Optional<ReadOnlyKeyValueStore<String, ProductHealthEvent>> store() {
    if (streams == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  QualityTopology.HEALTH_STORE, QueryableStoreTypes.keyValueStore())));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  @PreDestroy
  void stop() {
    if (streams != null) {
      // Leave the group so other instances take the tasks over at once, not after the session
      // timeout: a stopped quality instance must not leave products unchecked for 45 s.
      streams.close(
          CloseOptions.timeout(CLOSE_TIMEOUT)
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }
}
