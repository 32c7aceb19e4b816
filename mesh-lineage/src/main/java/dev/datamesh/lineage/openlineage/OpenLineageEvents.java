package dev.datamesh.lineage.openlineage;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.ProductTopics;
import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.lineage.freshness.Freshness;
import dev.datamesh.topics.GatewayStatsEvent;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.LifecycleStateChangeDatasetFacet.LifecycleStateChange;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link LineageEvents} with the openlineage-java model and its JSON serialisation. */
final class OpenLineageEvents implements LineageEvents {
  private static final String INTEGRATION = "MESH";
  private static final String STREAMING = "STREAMING";

  private final OpenLineage ol;
  private final URI producer;
  private final KafkaNamespace kafka;
  private final String jobNamespace;
  private final ContractFacets contractFacets;

  OpenLineageEvents(URI producer, KafkaNamespace kafka, String jobNamespace) {
    this.ol = new OpenLineage(producer);
    this.producer = producer;
    this.kafka = kafka;
    this.jobNamespace = jobNamespace;
    this.contractFacets = new ContractFacets(ol, producer, kafka);
  }

  @Override
  public KafkaNamespace kafka() {
    return kafka;
  }

  @Override
  public List<MetadataRecord> contractDatasets(
      RegisteredContract contract, Change change, Instant at) {
    ProductTopics topics = contract.contract().topics();
    List<MetadataRecord> records = new ArrayList<>();
    for (TopicRole role : TopicRole.values()) {
      String topic = role.topic(topics);
      OpenLineage.DatasetFacets facets = contractFacets.forTopic(contract, role, lifecycle(change));
      records.add(datasetEvent(topic, facets, at));
    }
    return records;
  }

  @Override
  public List<MetadataRecord> droppedDatasets(String productId, Instant at) {
    ProductTopics topics = ProductId.parse(productId).orElseThrow().topics();
    List<MetadataRecord> records = new ArrayList<>();
    for (TopicRole role : TopicRole.values()) {
      OpenLineage.DatasetFacets facets =
          ol.newDatasetFacetsBuilder()
              .lifecycleStateChange(
                  ol.newLifecycleStateChangeDatasetFacet(LifecycleStateChange.DROP, null))
              .build();
      records.add(datasetEvent(role.topic(topics), facets, at));
    }
    return records;
  }

  @Override
  public MetadataRecord gatewayRun(GatewayStatsEvent stats, boolean first) {
    ProductTopics topics = ProductId.parse(stats.productId()).orElseThrow().topics();
    String job = LineageEvents.gatewayJob(stats.productId());
    Instant time = stats.windowEnd() == null ? Instant.now() : stats.windowEnd();
    OpenLineage.OutputDataset certified =
        ol.newOutputDataset(
            kafka.uri(),
            topics.certified(),
            null,
            ol.newOutputDatasetOutputFacetsBuilder()
                .outputStatistics(
                    ol.newOutputStatisticsOutputDatasetFacet(
                        stats.certified(), stats.certifiedBytes(), null))
                .build());
    OpenLineage.OutputDataset deadLetter =
        ol.newOutputDataset(
            kafka.uri(),
            topics.deadLetter(),
            null,
            ol.newOutputDatasetOutputFacetsBuilder()
                .outputStatistics(
                    ol.newOutputStatisticsOutputDatasetFacet(stats.deadLettered(), null, null))
                .build());
    OpenLineage.RunEvent event =
        ol.newRunEventBuilder()
            .eventTime(zoned(time))
            .eventType(first ? EventType.START : EventType.RUNNING)
            .run(ol.newRun(runId(job, stats.instanceId()), null))
            .job(
                job(
                    job,
                    "GATEWAY",
                    windowSeconds(stats.windowStart(), stats.windowEnd()),
                    "Certifies "
                        + topics.raw()
                        + " against the product's contract into "
                        + topics.certified()
                        + " or "
                        + topics.deadLetter()
                        + ", exactly once."))
            .inputs(List.of(ol.newInputDataset(kafka.uri(), topics.raw(), null, null)))
            .outputs(List.of(certified, deadLetter))
            .build();
    return new MetadataRecord(job, OpenLineageClientUtils.toJson(event));
  }

  @Override
  public MetadataRecord qualityRun(QualityObservation observation, boolean first) {
    ProductTopics topics = ProductId.parse(observation.productId()).orElseThrow().topics();
    String job = LineageEvents.qualityJob(observation.productId());
    OpenLineage.InputDatasetInputFacetsBuilder facets = ol.newInputDatasetInputFacetsBuilder();
    observation
        .metrics()
        .ifPresent(
            m -> {
              OpenLineage.DataQualityMetricsInputDatasetFacetColumnMetricsBuilder columns =
                  ol.newDataQualityMetricsInputDatasetFacetColumnMetricsBuilder();
              m.nullCounts()
                  .forEach(
                      (field, nulls) ->
                          columns.put(
                              columnName(field),
                              ol.newDataQualityMetricsInputDatasetFacetColumnMetricsAdditionalBuilder()
                                  .nullCount(nulls)
                                  .build()));
              facets.dataQualityMetrics(
                  ol.newDataQualityMetricsInputDatasetFacet(
                      m.rowCount(),
                      null,
                      null,
                      m.windowEnd().map(this::zoned).orElse(null),
                      columns.build()));
            });
    List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> assertions = new ArrayList<>();
    for (QualityObservation.AssertionResult a : observation.assertions()) {
      assertions.add(
          ol.newDataQualityAssertionsDatasetFacetAssertionsBuilder()
              .assertion(assertionKind(a.check()))
              .name(a.check())
              .success(a.success())
              .severity(blankToNull(a.severity()))
              .expected(blankToNull(a.expected()))
              .actual(blankToNull(a.actual()))
              .description(blankToNull(a.description()))
              .build());
    }
    facets.dataQualityAssertions(ol.newDataQualityAssertionsDatasetFacet(assertions));
    Long window =
        observation
            .metrics()
            .map(m -> windowSeconds(m.windowStart().orElse(null), m.windowEnd().orElse(null)))
            .orElse(null);
    OpenLineage.RunEvent event =
        ol.newRunEventBuilder()
            .eventTime(zoned(observation.eventTime()))
            .eventType(first ? EventType.START : EventType.RUNNING)
            .run(ol.newRun(runId(job, "quality"), null))
            .job(
                job(
                    job,
                    "QUALITY",
                    window,
                    "Checks "
                        + topics.certified()
                        + " against the contract's quality rules and SLAs in event-time windows."))
            .inputs(
                List.of(
                    ol.newInputDataset(kafka.uri(), topics.certified(), null, facets.build()),
                    ol.newInputDataset(kafka.uri(), topics.deadLetter(), null, null)))
            .outputs(List.of())
            .build();
    return new MetadataRecord(job, OpenLineageClientUtils.toJson(event));
  }

  @Override
  public MetadataRecord freshness(Freshness freshness) {
    String topic = ProductId.parse(freshness.productId()).orElseThrow().topics().certified();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("productId", freshness.productId());
    body.put("status", freshness.status().json());
    freshness.newestEventTime().ifPresent(t -> body.put("newestEventTime", t.toString()));
    freshness.age().ifPresent(a -> body.put("ageSeconds", a.toSeconds()));
    freshness.sla().ifPresent(s -> body.put("slaSeconds", s.toSeconds()));
    body.put("evaluatedAt", freshness.evaluatedAt().toString());
    OpenLineage.DatasetFacets facets =
        ol.newDatasetFacetsBuilder()
            .put(FRESHNESS_FACET, new MeshDatasetFacet(producer, "MeshFreshnessDatasetFacet", body))
            .build();
    return datasetEvent(topic, facets, freshness.evaluatedAt());
  }

  @Override
  public MetadataRecord consumerJob(String groupId, List<String> topics, Instant at) {
    List<OpenLineage.InputDataset> inputs =
        topics.stream().map(t -> ol.newInputDataset(kafka.uri(), t, null, null)).toList();
    OpenLineage.JobFacets facets =
        ol.newJobFacetsBuilder()
            .jobType(ol.newJobTypeJobFacet(STREAMING, "KAFKA", "CONSUMER_GROUP", null))
            .build();
    OpenLineage.JobEvent event =
        ol.newJobEventBuilder()
            .eventTime(zoned(at))
            .job(ol.newJob(kafka.uri(), groupId, facets))
            .inputs(inputs)
            .outputs(List.of())
            .build();
    return new MetadataRecord(groupId, OpenLineageClientUtils.toJson(event));
  }

  private MetadataRecord datasetEvent(String topic, OpenLineage.DatasetFacets facets, Instant at) {
    OpenLineage.DatasetEvent event =
        ol.newDatasetEventBuilder()
            .eventTime(zoned(at))
            .dataset(ol.newStaticDataset(kafka.uri(), topic, facets))
            .build();
    return new MetadataRecord(topic, OpenLineageClientUtils.toJson(event));
  }

  private OpenLineage.Job job(String name, String jobType, Long windowSeconds, String doc) {
    OpenLineage.JobTypeJobFacetEmissionPattern pattern =
        windowSeconds == null
            ? ol.newJobTypeJobFacetEmissionPattern("PERIODIC", "ACCUMULATIVE", null)
            : ol.newJobTypeJobFacetEmissionPattern("PERIODIC", "COMPLETE_SNAPSHOT", windowSeconds);
    OpenLineage.JobFacets facets =
        ol.newJobFacetsBuilder()
            .jobType(ol.newJobTypeJobFacet(STREAMING, INTEGRATION, jobType, pattern))
            .documentation(ol.newDocumentationJobFacet(doc, "text/plain"))
            .build();
    return ol.newJob(jobNamespace, name, facets);
  }

  private static LifecycleStateChange lifecycle(Change change) {
    return switch (change) {
      case CREATE -> LifecycleStateChange.CREATE;
      case ALTER -> LifecycleStateChange.ALTER;
      case DROP -> LifecycleStateChange.DROP;
    };
  }

  /** A stable run id per job and runner: a streaming job is one long run. */
  private static UUID runId(String job, String runner) {
    return UUID.nameUUIDFromBytes(
        (job + "/" + (runner == null ? "" : runner)).getBytes(StandardCharsets.UTF_8));
  }

  private static Long windowSeconds(Instant start, Instant end) {
    if (start == null || end == null || !end.isAfter(start)) {
      return null;
    }
    long millis = Duration.between(start, end).toMillis();
    return Math.max(1L, (millis + 999) / 1000);
  }

  private ZonedDateTime zoned(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  /** {@code /shippingAddress/city} → {@code shippingAddress.city}. */
  static String columnName(String field) {
    String name = field.startsWith("/") ? field.substring(1) : field;
    return name.replace('/', '.');
  }

  /** The assertion class of a quality check name ({@code completeness/x.nullValues} → ...). */
  static String assertionKind(String check) {
    int slash = check.indexOf('/');
    return slash > 0 ? check.substring(0, slash) : check;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
