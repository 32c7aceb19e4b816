package dev.datamesh.quality;

import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryClientConfig;
import dev.datamesh.quality.contracts.ProductContracts;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The registry clients of the quality service. */
@Factory
class QualityFactory {

  /** Contracts polled from the registry, unless the embedding code provides its own. */
  @Singleton
  @Bean(preDestroy = "close")
  @Requires(
      property = "mesh.quality.contracts-source",
      value = QualityConfig.REGISTRY_SOURCE,
      defaultValue = QualityConfig.REGISTRY_SOURCE)
  ProductContracts registryContracts(QualityConfig config) {
    return ProductContracts.watching(
        ContractCatalog.http(
            URI.create(config.registryUrl()), config.token(), config.registryTimeout()),
        config.contractsPollInterval());
  }

  /** Decodes certified values: writer schemas by id, cached. */
  @Singleton
  @Bean(preDestroy = "close")
  SchemaRegistryClient schemaRegistryClient(QualityConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, config.registryUrl());
    config.token().ifPresent(t -> props.put(SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, t));
    props.put(
        SchemaRegistryClientConfig.REQUEST_TIMEOUT_MS, (int) config.registryTimeout().toMillis());
    return SchemaRegistryClient.create(SchemaRegistryClientConfig.from(props));
  }
}
