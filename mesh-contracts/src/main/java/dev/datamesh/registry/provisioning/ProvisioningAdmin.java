package dev.datamesh.registry.provisioning;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The one Kafka admin client of the registry's provisioners (topics and ACLs), made on first use
 * from the {@code kafka.*} settings (so a registry that never provisions never connects for it),
 * closed with the context. Thread-safe.
 */
@Singleton
final class ProvisioningAdmin {
  private final Map<String, Object> clientProperties;
  private Admin admin; // guarded by this

  ProvisioningAdmin(KafkaDefaultConfiguration kafka) {
    Map<String, Object> props = new HashMap<>();
    kafka.getConfig().forEach((k, v) -> props.put(String.valueOf(k), v));
    this.clientProperties = Map.copyOf(props);
  }

  synchronized Admin get() {
    if (admin == null) {
      admin = Admin.create(new HashMap<>(clientProperties));
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }
}
