package dev.datamesh.quality;

import dev.datamesh.quality.streams.QualitySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The quality service's settings ({@code mesh.quality.*}), immutable and checked at start-up
 * (docs/QUALITY.md lists every key; defaults in brackets).
 *
 * @param applicationId Kafka Streams {@code application.id} [{@code mesh-quality}]: consumer group,
 *     prefix of internal topics and state subdirectory
 * @param stateDir Kafka Streams {@code state.dir} [{@code <java.io.tmpdir>/mesh-streams}]; Streams
 *     keeps each application id in its own subdirectory, and the changelog topics are the source of
 *     truth, so a lost directory is only a slower start
 * @param processingGuarantee [{@code exactly_once_v2}] or {@code at_least_once}
 * @param commitInterval Kafka Streams {@code commit.interval.ms} [Streams' default: 100 ms with
 *     exactly once]
 * @param window metrics window and window of the latency and dead-letter checks [1m]
 * @param grace how long windows wait for late records [30s]
 * @param dedupeRetention how long unique keys are remembered for duplicate detection [2h]
 * @param freshnessInterval wall-clock period of freshness checks and product announcements [10s]
 * @param certifiedPattern regex of the certified topics [{@code .*\.certified}]
 * @param deadLetterPattern regex of the dead-letter topics [{@code .*\.dlq}]
 * @param topicRefresh how soon a new product's topics are picked up (main consumer {@code
 *     metadata.max.age.ms}) [30s]
 * @param statsTopic [{@code mesh.gateway.stats}]
 * @param metricsTopic [{@code mesh.quality.metrics}]
 * @param alertsTopic [{@code mesh.quality.alerts}]
 * @param healthTopic [{@code mesh.product.health}] (created compacted)
 * @param partitions partitions of the internal repartition topic and of created output topics [3]
 * @param maxDeadLetterPercent dead-letter rate above which validity fails [5]
 * @param contractsSource {@code registry} (poll the registry's contracts API) or {@code provided}
 *     (the embedding code registers a {@code ProductContracts} bean) [{@code registry}]
 * @param registryUrl the registry (contracts API and schema registry API) [{@code
 *     http://localhost:8081}]
 * @param registryToken bearer token for the registry [none]
 * @param registryTimeout registry request timeout [10s]
 * @param contractsPollInterval how often contracts are re-read [10s]
 * @param streams extra Kafka Streams / client properties (e.g. security settings)
 */
@ConfigurationProperties("mesh.quality")
public record QualityConfig(
    @Nullable String applicationId,
    @Nullable Path stateDir,
    @Nullable String processingGuarantee,
    @Nullable Duration commitInterval,
    @Nullable Duration window,
    @Nullable Duration grace,
    @Nullable Duration dedupeRetention,
    @Nullable Duration freshnessInterval,
    @Nullable String certifiedPattern,
    @Nullable String deadLetterPattern,
    @Nullable Duration topicRefresh,
    @Nullable String statsTopic,
    @Nullable String metricsTopic,
    @Nullable String alertsTopic,
    @Nullable String healthTopic,
    @Nullable Integer partitions,
    @Nullable Double maxDeadLetterPercent,
    @Nullable String contractsSource,
    @Nullable String registryUrl,
    @Nullable String registryToken,
    @Nullable Duration registryTimeout,
    @Nullable Duration contractsPollInterval,
    // Kafka property names keep their dots: flat map, keys as written
    @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        @Nullable
        Map<String, String> streams) {

  public static final String REGISTRY_SOURCE = "registry";
  public static final String PROVIDED_SOURCE = "provided";

  public QualityConfig {
    QualitySettings d = QualitySettings.defaults();
    applicationId = orDefault(applicationId, "mesh-quality");
    stateDir =
        stateDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "mesh-streams") : stateDir;
    processingGuarantee = orDefault(processingGuarantee, StreamsConfig.EXACTLY_ONCE_V2);
    window = window == null ? d.window() : window;
    grace = grace == null ? d.grace() : grace;
    dedupeRetention = dedupeRetention == null ? d.dedupeRetention() : dedupeRetention;
    freshnessInterval = freshnessInterval == null ? d.freshnessInterval() : freshnessInterval;
    certifiedPattern = orDefault(certifiedPattern, QualitySettings.DEFAULT_CERTIFIED_PATTERN);
    deadLetterPattern = orDefault(deadLetterPattern, QualitySettings.DEFAULT_DEAD_LETTER_PATTERN);
    topicRefresh = topicRefresh == null ? Duration.ofSeconds(30) : topicRefresh;
    statsTopic = orDefault(statsTopic, d.statsTopic());
    metricsTopic = orDefault(metricsTopic, d.metricsTopic());
    alertsTopic = orDefault(alertsTopic, d.alertsTopic());
    healthTopic = orDefault(healthTopic, d.healthTopic());
    partitions = partitions == null ? d.partitions() : partitions;
    maxDeadLetterPercent =
        maxDeadLetterPercent == null ? d.maxDeadLetterPercent() : maxDeadLetterPercent;
    contractsSource = orDefault(contractsSource, REGISTRY_SOURCE);
    registryUrl = orDefault(registryUrl, "http://localhost:8081");
    registryTimeout = registryTimeout == null ? Duration.ofSeconds(10) : registryTimeout;
    contractsPollInterval =
        contractsPollInterval == null ? Duration.ofSeconds(10) : contractsPollInterval;
    streams = streams == null ? Map.of() : Map.copyOf(streams);
    if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
        && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
      throw new IllegalArgumentException(
          "mesh.quality.processing-guarantee must be exactly_once_v2 or at_least_once: "
              + processingGuarantee);
    }
    if (!contractsSource.equals(REGISTRY_SOURCE) && !contractsSource.equals(PROVIDED_SOURCE)) {
      throw new IllegalArgumentException(
          "mesh.quality.contracts-source must be registry or provided: " + contractsSource);
    }
    // validates the rest (the fields are not assigned yet in a compact constructor)
    settingsOf(
        window,
        grace,
        dedupeRetention,
        freshnessInterval,
        certifiedPattern,
        deadLetterPattern,
        statsTopic,
        metricsTopic,
        alertsTopic,
        healthTopic,
        partitions,
        maxDeadLetterPercent);
  }

  /** The topology's settings. */
  public QualitySettings settings() {
    return settingsOf(
        window,
        grace,
        dedupeRetention,
        freshnessInterval,
        certifiedPattern,
        deadLetterPattern,
        statsTopic,
        metricsTopic,
        alertsTopic,
        healthTopic,
        partitions,
        maxDeadLetterPercent);
  }

  @SuppressWarnings("checkstyle:ParameterNumber")
  private static QualitySettings settingsOf(
      Duration window,
      Duration grace,
      Duration dedupeRetention,
      Duration freshnessInterval,
      String certifiedPattern,
      String deadLetterPattern,
      String statsTopic,
      String metricsTopic,
      String alertsTopic,
      String healthTopic,
      int partitions,
      double maxDeadLetterPercent) {
    return new QualitySettings(
        window,
        grace,
        dedupeRetention,
        freshnessInterval,
        pattern(certifiedPattern, "certified-pattern"),
        pattern(deadLetterPattern, "dead-letter-pattern"),
        statsTopic,
        metricsTopic,
        alertsTopic,
        healthTopic,
        partitions,
        maxDeadLetterPercent);
  }

  public Optional<String> token() {
    return Optional.ofNullable(registryToken).filter(t -> !t.isBlank());
  }

  private static Pattern pattern(String regex, String key) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "mesh.quality." + key + " is not a regular expression: " + e.getMessage(), e);
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
