package dev.datamesh.lineage.openlineage;

import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.lineage.freshness.Freshness;
import dev.datamesh.topics.GatewayStatsEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Builds the OpenLineage events the lineage service publishes on {@code mesh.metadata}, with the
 * openlineage-java model, as JSON valid against the OpenLineage 2-0-2 schema and its facet schemas
 * (docs/LINEAGE.md lists every event and facet). Stateless and thread-safe; never throws on valid
 * inputs.
 */
public interface LineageEvents {

  /** Name of the custom dataset facet describing a product's contract. */
  String CONTRACT_FACET = "mesh_contract";

  /** Name of the custom dataset facet carrying a product's freshness. */
  String FRESHNESS_FACET = "mesh_freshness";

  /** Job name prefix of the gateway's per-product jobs. */
  String GATEWAY_JOB_PREFIX = "mesh-gateway.";

  /** Job name prefix of the quality service's per-product jobs. */
  String QUALITY_JOB_PREFIX = "mesh-quality.";

  /** How a product's datasets changed. */
  enum Change {
    /** First seen. */
    CREATE,
    /** A new contract version. */
    ALTER,
    /** The contract is gone from the registry. */
    DROP
  }

  /**
   * @param producer the {@code producer} URI of every event (and {@code _producer} of every facet)
   * @param kafka namespace of the Kafka datasets
   * @param jobNamespace namespace of the mesh's jobs
   */
  static LineageEvents create(URI producer, KafkaNamespace kafka, String jobNamespace) {
    return new OpenLineageEvents(producer, kafka, jobNamespace);
  }

  /** The namespace of Kafka datasets. */
  KafkaNamespace kafka();

  /**
   * One DatasetEvent for each of the product's topics (raw, certified, dead-letter): schema,
   * ownership, documentation, datasource, datasetType, tags, lifecycleStateChange and {@value
   * #CONTRACT_FACET}.
   */
  List<MetadataRecord> contractDatasets(RegisteredContract contract, Change change, Instant at);

  /** DatasetEvents marking the product's topics as dropped (its contract left the registry). */
  List<MetadataRecord> droppedDatasets(String productId, Instant at);

  /**
   * A STREAMING RunEvent of the product's gateway job for one stats interval: input raw, outputs
   * certified and dead-letter with outputStatistics. {@code first} makes it a START, else RUNNING.
   */
  MetadataRecord gatewayRun(GatewayStatsEvent stats, boolean first);

  /**
   * A STREAMING RunEvent of the product's quality job: input certified with dataQualityMetrics
   * (when the observation has metrics) and dataQualityAssertions. {@code first} makes it a START.
   */
  MetadataRecord qualityRun(QualityObservation observation, boolean first);

  /** A DatasetEvent of the product's certified topic with the {@value #FRESHNESS_FACET} facet. */
  MetadataRecord freshness(Freshness freshness);

  /**
   * A JobEvent for a consumer group discovered reading certified topics: job namespace = the Kafka
   * namespace, name = the group id, inputs = the topics.
   */
  MetadataRecord consumerJob(String groupId, List<String> topics, Instant at);

  /** The gateway job's name for a product. */
  static String gatewayJob(String productId) {
    return GATEWAY_JOB_PREFIX + productId;
  }

  /** The quality job's name for a product. */
  static String qualityJob(String productId) {
    return QUALITY_JOB_PREFIX + productId;
  }
}
