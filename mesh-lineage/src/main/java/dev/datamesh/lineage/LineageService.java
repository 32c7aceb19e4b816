package dev.datamesh.lineage;

import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.lineage.catalog.Catalog;
import dev.datamesh.lineage.catalog.CatalogFeed;
import dev.datamesh.lineage.contracts.ProductContracts;
import dev.datamesh.lineage.discovery.ConsumerDiscovery;
import dev.datamesh.lineage.emit.EmitterSettings;
import dev.datamesh.lineage.emit.MetadataEmitter;
import dev.datamesh.lineage.openlineage.KafkaNamespace;
import dev.datamesh.lineage.openlineage.LineageEvents;
import dev.datamesh.lineage.subscriptions.SubscriptionPoller;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running lineage service: replays the catalog from the topics, then starts the emitter, the
 * contract watcher and the consumer discovery. Started with the {@code lineage} context and stopped
 * with it (emitter first, so its last transaction completes).
 */
@Context
final class LineageService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LineageService.class);

  private final Catalog catalog;
  private final CatalogFeed feed;
  private final MetadataEmitter emitter;
  private final ProductContracts contracts;
  private final ConsumerDiscovery discovery;
  private final SubscriptionPoller subscriptions;

  LineageService(LineageConfig config, RegistryLinkConfig registry, KafkaDefaultConfiguration kafka)
      throws InterruptedException {
    Map<String, Object> kafkaProperties = kafkaProperties(kafka);
    KafkaNamespace namespace =
        KafkaNamespace.fromBootstrapServers(
            String.valueOf(kafkaProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)));
    MetadataTopic.ensure(kafkaProperties, config);
    Clock clock = Clock.systemUTC();
    this.catalog = Catalog.create(clock);
    this.feed =
        CatalogFeed.start(
            kafkaProperties,
            config.metadataTopic(),
            config.productHealthTopic(),
            config.qualityAlertsTopic(),
            catalog);
    if (!feed.awaitReplay(config.startupTimeout())) {
      LOG.warn(
          "catalog replay not finished after {}; serving what was read so far",
          config.startupTimeout());
    }
    LineageEvents events =
        LineageEvents.create(config.producer(), namespace, config.jobNamespace());
    this.emitter = MetadataEmitter.start(settings(config), kafkaProperties, events, catalog, clock);
    this.contracts =
        ProductContracts.watching(
            ContractCatalog.http(registry.url(), registry.bearerToken(), Duration.ofSeconds(10)),
            registry.refresh());
    contracts.start(
        new ContractWatcher.Listener() {
          @Override
          public void onContract(RegisteredContract contract) {
            emitter.contractChanged(contract);
          }

          @Override
          public void onRemoved(String productId) {
            emitter.contractRemoved(productId);
          }
        });
    this.discovery =
        ConsumerDiscovery.start(
            kafkaProperties,
            config.ignoredGroupPrefixes(),
            config.discoveryInterval(),
            groups -> {
              catalog.applyConsumers(groups);
              emitter.consumersDiscovered(groups);
            });
    this.subscriptions =
        SubscriptionPoller.start(
            registry.url(),
            registry.bearerToken(),
            registry.refresh(),
            catalog::applySubscriptions);
    LOG.info(
        "lineage started: {} → {}; contracts from {}",
        namespace,
        config.metadataTopic(),
        registry.url());
  }

  Catalog catalog() {
    return catalog;
  }

  Map<String, Object> health() {
    Map<String, Object> details = new HashMap<>();
    details.put("catalogReplayed", catalog.ready());
    details.put("catalogFeed", feed.healthy() ? "reading" : "reconnecting");
    details.put("emitter", emitter.healthy() ? "running" : "reconnecting");
    details.put("registry", contracts.healthy() ? "reachable" : "unreachable");
    details.put("consumerDiscovery", discovery.healthy() ? "ok" : "failing");
    details.put("ignoredRecords", catalog.ignoredRecords());
    return details;
  }

  boolean healthy() {
    return feed.healthy() && emitter.healthy();
  }

  @Override
  @PreDestroy
  public void close() {
    subscriptions.close();
    discovery.close();
    contracts.close();
    emitter.close();
    feed.close();
  }

  private static EmitterSettings settings(LineageConfig config) {
    return new EmitterSettings(
        config.groupId(),
        config.transactionalId(),
        config.metadataTopic(),
        config.gatewayStatsTopic(),
        config.qualityMetricsTopic(),
        config.qualityAlertsTopic(),
        config.freshnessInterval(),
        config.freshnessCheck(),
        config.consumer(),
        config.producerProperties());
  }

  private static Map<String, Object> kafkaProperties(KafkaDefaultConfiguration kafka) {
    Map<String, Object> props = new HashMap<>();
    kafka.getConfig().forEach((k, v) -> props.put(String.valueOf(k), v));
    // Only client-wide settings: each client sets its own group, serializers and delivery.
    props.keySet().removeIf(k -> k.startsWith("health") || k.equals("enabled"));
    return props;
  }
}
