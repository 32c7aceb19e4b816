package dev.datamesh.lineage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The lineage service's settings ({@code mesh.lineage.*}), immutable and checked at start-up. Every
 * key is optional; the defaults are those of docs/LINEAGE.md.
 *
 * @param instanceId stable id of this instance; its transactional id is {@code
 *     <groupId>-<instanceId>}. Default {@code default}.
 * @param groupId consumer group reading the gateway and quality topics. Default {@code
 *     mesh-lineage}.
 * @param metadataTopic where OpenLineage and freshness events go. Default {@code mesh.metadata}.
 * @param gatewayStatsTopic default {@code mesh.gateway.stats}
 * @param qualityMetricsTopic default {@code mesh.quality.metrics}
 * @param qualityAlertsTopic default {@code mesh.quality.alerts}
 * @param productHealthTopic default {@code mesh.product.health}
 * @param jobNamespace OpenLineage namespace of the mesh's jobs. Default {@code mesh}.
 * @param producer the OpenLineage {@code producer} URI of every event
 * @param freshnessInterval how often every product's freshness is published. Default 30 s.
 * @param freshnessCheck how often freshness is re-evaluated to publish changes at once. Default 1
 *     s.
 * @param discoveryInterval how often consumer groups are listed. Default 10 s.
 * @param ignoredGroupPrefixes consumer groups that are the mesh's own, not consumers. Default
 *     {@code mesh-gateway}, {@code mesh-quality}, {@code mesh-lineage}.
 * @param startupTimeout longest wait for the catalog replay before serving anyway. Default 60 s.
 * @param metadataPartitions partitions of the metadata topic if the service creates it. Default 3.
 * @param replicationFactor replication of the metadata topic if the service creates it. Default:
 *     the number of brokers, at most 3.
 * @param consumer extra consumer properties
 * @param producerProperties extra producer properties ({@code mesh.lineage.producer-properties})
 */
@ConfigurationProperties("mesh.lineage")
public record LineageConfig(
    @Nullable String instanceId,
    @Nullable String groupId,
    @Nullable String metadataTopic,
    @Nullable String gatewayStatsTopic,
    @Nullable String qualityMetricsTopic,
    @Nullable String qualityAlertsTopic,
    @Nullable String productHealthTopic,
    @Nullable String jobNamespace,
    @Nullable URI producer,
    @Nullable Duration freshnessInterval,
    @Nullable Duration freshnessCheck,
    @Nullable Duration discoveryInterval,
    @Nullable List<String> ignoredGroupPrefixes,
    @Nullable Duration startupTimeout,
    @Nullable Integer metadataPartitions,
    @Nullable Short replicationFactor,
    // Kafka property names keep their dots: flat map, keys as written
    @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        @Nullable
        Map<String, String> consumer,
    @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        @Nullable
        Map<String, String> producerProperties) {

  /** The OpenLineage producer URI when none is configured. */
  public static final URI DEFAULT_PRODUCER =
      URI.create("https://github.com/datamesh-dev/mesh/tree/main/mesh-lineage");

  public LineageConfig {
    instanceId = text(instanceId, "default");
    if (!instanceId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "mesh.lineage.instance-id may hold letters, digits, '.', '_' and '-': " + instanceId);
    }
    groupId = text(groupId, "mesh-lineage");
    metadataTopic = text(metadataTopic, "mesh.metadata");
    gatewayStatsTopic = text(gatewayStatsTopic, "mesh.gateway.stats");
    qualityMetricsTopic = text(qualityMetricsTopic, "mesh.quality.metrics");
    qualityAlertsTopic = text(qualityAlertsTopic, "mesh.quality.alerts");
    productHealthTopic = text(productHealthTopic, "mesh.product.health");
    jobNamespace = text(jobNamespace, "mesh");
    producer = producer == null ? DEFAULT_PRODUCER : producer;
    freshnessInterval = positive(freshnessInterval, Duration.ofSeconds(30), "freshness-interval");
    freshnessCheck = positive(freshnessCheck, Duration.ofSeconds(1), "freshness-check");
    discoveryInterval = positive(discoveryInterval, Duration.ofSeconds(10), "discovery-interval");
    ignoredGroupPrefixes =
        ignoredGroupPrefixes == null
            ? List.of("mesh-gateway", "mesh-quality", "mesh-lineage")
            : List.copyOf(ignoredGroupPrefixes);
    startupTimeout = positive(startupTimeout, Duration.ofSeconds(60), "startup-timeout");
    metadataPartitions = metadataPartitions == null ? 3 : metadataPartitions;
    if (metadataPartitions < 1 || (replicationFactor != null && replicationFactor < 1)) {
      throw new IllegalArgumentException(
          "mesh.lineage.metadata-partitions and replication-factor must be positive");
    }
    consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
    producerProperties = producerProperties == null ? Map.of() : Map.copyOf(producerProperties);
  }

  /** Every default. */
  public static LineageConfig defaults() {
    return new LineageConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** The transactional id of this instance's metadata producer. */
  public String transactionalId() {
    return groupId + "-" + instanceId;
  }

  private static String text(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback, String key) {
    Duration d = value == null ? fallback : value;
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("mesh.lineage." + key + " must be positive");
    }
    return d;
  }
}
