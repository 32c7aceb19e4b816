package dev.datamesh.gateway;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /health} component {@code gateway}: UP while the certification loop holds a working Kafka
 * session; DOWN otherwise. The registry being unreachable is reported as a detail (the gateway
 * keeps certifying with the contracts it has).
 */
@Singleton
final class GatewayHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final GatewayService gateway;

  GatewayHealthIndicator(GatewayService gateway) {
    this.gateway = gateway;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = gateway.loopHealthy() ? HealthStatus.UP : HealthStatus.DOWN;
    Map<String, Object> details = new TreeMap<>();
    details.put("certificationLoop", gateway.loopHealthy() ? "running" : "reconnecting");
    details.put("registry", gateway.registryReachable() ? "reachable" : "unreachable");
    // what the loop enforces now, not what the watcher has just fetched: a client that waits for
    // a version here knows records it sends afterwards are certified under it
    Map<String, String> versions = new TreeMap<>(gateway.appliedVersions());
    details.put("products", versions.size());
    details.put("versions", versions);
    return details;
  }

  @Override
  protected String getName() {
    return "gateway";
  }
}
