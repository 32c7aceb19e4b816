package dev.datamesh.gateway;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.contracts.rules.JsonEventValidator;
import dev.datamesh.contracts.rules.RecordValidator;
import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryClientConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: watches the registry's contracts, keeps one route per product and runs the
 * certification loop on its own thread. Started with the {@code gateway} context, stopped with it
 * (the current transaction finishes first).
 */
@Context
final class GatewayService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);

  private final Map<String, Object> kafkaProperties;
  private final SchemaRegistryClient registry;
  private final MaskingKeys keys;
  private final ProductRoutes routes = new ProductRoutes();
  private final Map<String, ActiveProduct> products = new ConcurrentHashMap<>();
  private final CertificationLoop loop;
  private final Thread loopThread;
  private final ContractWatcher watcher;

  GatewayService(
      GatewayConfig config,
      GatewayLinksConfig links,
      MaskingConfig masking,
      KafkaDefaultConfiguration kafka,
      MeterRegistry meters) {
    this.kafkaProperties = kafkaProperties(kafka);
    SchemaRegistryClientConfig registryConfig =
        SchemaRegistryClientConfig.of(links.url().toString());
    this.registry =
        SchemaRegistryClient.create(
            links.bearerToken().map(registryConfig::withBearerToken).orElse(registryConfig));
    this.keys = masking.keys();
    this.loop =
        new CertificationLoop(
            config, kafkaProperties, routes, new GatewayMetrics(meters), Clock.systemUTC());
    this.loopThread = new Thread(loop, "mesh-gateway-loop");
    loopThread.setDaemon(true);
    loopThread.start();
    ContractCatalog catalog =
        ContractCatalog.http(links.url(), links.bearerToken(), Duration.ofSeconds(10));
    this.watcher = ContractWatcher.start(catalog, new RouteUpdater(), links.refresh());
    LOG.info("gateway started; contracts from {}", links.url());
  }

  /** Properties every Kafka client of the gateway gets: bootstrap servers, security, ... */
  Map<String, Object> kafkaProperties() {
    return kafkaProperties;
  }

  Optional<ActiveProduct> product(String productId) {
    return Optional.ofNullable(products.get(productId));
  }

  Map<String, ActiveProduct> products() {
    return Map.copyOf(products);
  }

  SchemaRegistryClient registry() {
    return registry;
  }

  MaskingKeys maskingKeys() {
    return keys;
  }

  boolean loopHealthy() {
    return loop.isHealthy() && loopThread.isAlive();
  }

  /** The contract version the loop certifies each product's records under now, by product id. */
  Map<String, String> appliedVersions() {
    return loop.appliedVersions();
  }

  boolean registryReachable() {
    return watcher.isHealthy();
  }

  /** A certifier for {@code registered}, as the loop and the redrive use it. */
  RecordCertifier certifierFor(RegisteredContract registered) {
    DataContract contract = registered.contract();
    return new ContractCertifier(
        new ProductSchemaResolver(registry, contract.topics().rawValueSubject(), Clock.systemUTC()),
        RecordValidator.forContract(contract),
        FieldMasker.forContract(contract, keys));
  }

  @Override
  @PreDestroy
  public void close() {
    watcher.close();
    loop.stop(Duration.ofSeconds(20));
    registry.close();
  }

  private static Map<String, Object> kafkaProperties(KafkaDefaultConfiguration kafka) {
    Map<String, Object> props = new HashMap<>();
    kafka.getConfig().forEach((k, v) -> props.put(String.valueOf(k), v));
    // Only client-wide settings: the loop sets its own group, serializers and delivery settings.
    props.keySet().removeIf(k -> k.startsWith("health") || k.equals("enabled"));
    return props;
  }

  private final class RouteUpdater implements ContractWatcher.Listener {
    @Override
    public void onContract(RegisteredContract registered) {
      DataContract contract = registered.contract();
      ProductRoute route =
          new ProductRoute(
              registered.productId(),
              contract.contractId(),
              registered.version(),
              certifierFor(registered),
              contract.kafka().compacted());
      products.put(
          registered.productId(),
          new ActiveProduct(registered, route, JsonEventValidator.forContract(contract)));
      routes.put(route);
      LOG.info(
          "certifying {} under contract version {}", registered.productId(), registered.version());
    }

    @Override
    public void onRemoved(String productId) {
      products.remove(productId);
      routes.remove(productId);
      LOG.info("stopped certifying {} (its contract is gone)", productId);
    }
  }
}
