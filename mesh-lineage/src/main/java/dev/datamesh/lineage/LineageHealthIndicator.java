package dev.datamesh.lineage;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /health} component {@code lineage}: UP while the catalog feed and the metadata emitter
 * hold working Kafka sessions. The registry and consumer discovery are reported as details (the
 * catalog keeps serving what it has).
 */
@Singleton
final class LineageHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final LineageService service;

  LineageHealthIndicator(LineageService service) {
    this.service = service;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = service.healthy() ? HealthStatus.UP : HealthStatus.DOWN;
    return new TreeMap<>(service.health());
  }

  @Override
  protected String getName() {
    return "lineage";
  }
}
