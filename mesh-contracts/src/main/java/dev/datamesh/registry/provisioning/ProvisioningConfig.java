package dev.datamesh.registry.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How product topics are created ({@code mesh.registry.provisioning.*}).
 *
 * @param replicationFactor replication factor of new product topics; unset: the broker's {@code
 *     default.replication.factor}
 * @param headroomBytes how much larger {@code max.message.bytes} of the certified and dead-letter
 *     topics is than the raw topic's, so a raw record plus the gateway's headers (and a masked
 *     value) always fits (default 64 KiB)
 * @param timeout how long creating the topics may take (default 30 s)
 */
@ConfigurationProperties("mesh.registry.provisioning")
public record ProvisioningConfig(
    @Nullable Short replicationFactor,
    @Bindable(defaultValue = "65536") int headroomBytes,
    @Bindable(defaultValue = "30s") Duration timeout) {

  public ProvisioningConfig {
    if (replicationFactor != null && replicationFactor < 1) {
      throw new IllegalArgumentException(
          "mesh.registry.provisioning.replication-factor must be >= 1");
    }
    if (headroomBytes < 0 || headroomBytes > 10 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "mesh.registry.provisioning.headroom-bytes must be between 0 and 10 MiB");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("mesh.registry.provisioning.timeout must be positive");
    }
  }
}
