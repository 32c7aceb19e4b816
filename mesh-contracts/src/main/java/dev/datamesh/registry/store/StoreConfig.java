package dev.datamesh.registry.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where and how the registry keeps its log ({@code mesh.registry.store.*}).
 *
 * @param topic the compacted log topic (default {@code _mesh.contracts})
 * @param replicationFactor replication factor when the topic is created (default 1)
 * @param transactionalId the transactional id all instances share to take turns writing (default
 *     {@code mesh-registry-<topic>}); instances of one registry must use the same value
 * @param startupTimeout how long start-up may take to replay the log (default 60 s)
 * @param writeTimeout how long a write may take before it fails with 50002 (default 30 s)
 */
@ConfigurationProperties("mesh.registry.store")
public record StoreConfig(
    @Bindable(defaultValue = "_mesh.contracts") String topic,
    @Bindable(defaultValue = "1") short replicationFactor,
    @Nullable String transactionalId,
    @Bindable(defaultValue = "60s") Duration startupTimeout,
    @Bindable(defaultValue = "30s") Duration writeTimeout) {

  public StoreConfig {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("mesh.registry.store.topic must not be blank");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("mesh.registry.store.replication-factor must be >= 1");
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("mesh.registry.store.startup-timeout must be positive");
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("mesh.registry.store.write-timeout must be positive");
    }
  }

  /** The transactional id in effect. */
  public String effectiveTransactionalId() {
    return transactionalId == null || transactionalId.isBlank()
        ? "mesh-registry-" + topic
        : transactionalId;
  }
}
