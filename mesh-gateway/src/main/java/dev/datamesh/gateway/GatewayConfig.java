package dev.datamesh.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's settings ({@code mesh.gateway.*}), immutable and checked at start-up.
 *
 * @param instanceId stable id of this instance; its transactional id is {@code
 *     <groupId>-<instanceId>}, so a restarted instance fences its crashed predecessor at once
 *     instead of waiting for the transaction timeout. Default: {@code default}.
 * @param groupId the consumer group shared by all gateway instances. Default: {@code mesh-gateway}.
 * @param maxRecordBytes larger raw records are dead-lettered as OVERSIZED. Default: 1 MiB.
 * @param pollTimeout how long one poll waits for records. Default: 100 ms.
 * @param transactionTimeout the producer's {@code transaction.timeout.ms}. Default: 30 s.
 * @param statsInterval how often per-product counts go to the stats topic. Default: 10 s.
 * @param statsTopic where per-product counts are published. Default: {@code mesh.gateway.stats}.
 * @param consumer extra consumer properties (e.g. security settings)
 * @param producer extra producer properties
 * @param commitInterval the longest one transaction keeps taking polled records before it commits
 *     while there is a backlog; larger transactions amortise the commit round trips. Default: 100
 *     ms (Kafka Streams' EOS default).
 * @param commitWhenCaughtUp commit as soon as the consumer has no lag left instead of waiting out
 *     the commit interval: under a backlog transactions stay large, at a steady rate records are
 *     visible after about one commit round trip. Default: true.
 * @param producers how many transactional producers take turns, one transaction each: a producer
 *     that has just committed has its commit markers still being written, and the broker holds back
 *     the next transaction of the same transactional id until they are (Kafka's
 *     CONCURRENT_TRANSACTIONS, retried every 20 ms); the next producer starts at once. The first
 *     has the transactional id {@code <groupId>-<instanceId>}, the others append {@code -2}, {@code
 *     -3}, ... Between 1 and 8. Default: 2.
 */
@ConfigurationProperties("mesh.gateway")
public record GatewayConfig(
    @Nullable String instanceId,
    @Nullable String groupId,
    @Nullable Integer maxRecordBytes,
    @Nullable Duration pollTimeout,
    @Nullable Duration transactionTimeout,
    @Nullable Duration statsInterval,
    @Nullable String statsTopic,
    // Kafka property names keep their dots: flat map, keys as written
    @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        @Nullable
        Map<String, String> consumer,
    @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        @Nullable
        Map<String, String> producer,
    @Nullable Duration commitInterval,
    @Nullable Boolean commitWhenCaughtUp,
    @Nullable Integer producers) {

  public GatewayConfig {
    instanceId = orDefault(instanceId, "default");
    groupId = orDefault(groupId, "mesh-gateway");
    maxRecordBytes = maxRecordBytes == null ? 1024 * 1024 : maxRecordBytes;
    pollTimeout = pollTimeout == null ? Duration.ofMillis(100) : pollTimeout;
    transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(30) : transactionTimeout;
    statsInterval = statsInterval == null ? Duration.ofSeconds(10) : statsInterval;
    statsTopic = orDefault(statsTopic, "mesh.gateway.stats");
    consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
    producer = producer == null ? Map.of() : Map.copyOf(producer);
    commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
    commitWhenCaughtUp = commitWhenCaughtUp == null || commitWhenCaughtUp;
    rejectOwnSettings("consumer", consumer, OWN_CONSUMER_SETTINGS);
    rejectOwnSettings("producer", producer, OWN_PRODUCER_SETTINGS);
    producers = producers == null ? 2 : producers;
    if (producers < 1 || producers > 8) {
      throw new IllegalArgumentException(
          "mesh.gateway.producers must be between 1 and 8: " + producers);
    }
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("mesh.gateway.max-record-bytes must be positive");
    }
    if (!instanceId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "mesh.gateway.instance-id may hold letters, digits, '.', '_' and '-': " + instanceId);
    }
  }

  /** The defaults, for tests and embedding. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public GatewayConfig withInstanceId(String id) {
    return new GatewayConfig(
        id,
        groupId,
        maxRecordBytes,
        pollTimeout,
        transactionTimeout,
        statsInterval,
        statsTopic,
        consumer,
        producer,
        commitInterval,
        commitWhenCaughtUp,
        producers);
  }

  public GatewayConfig withGroupId(String group) {
    return new GatewayConfig(
        instanceId,
        group,
        maxRecordBytes,
        pollTimeout,
        transactionTimeout,
        statsInterval,
        statsTopic,
        consumer,
        producer,
        commitInterval,
        commitWhenCaughtUp,
        producers);
  }

  public GatewayConfig withStats(String topic, Duration interval) {
    return new GatewayConfig(
        instanceId,
        groupId,
        maxRecordBytes,
        pollTimeout,
        transactionTimeout,
        interval,
        topic,
        consumer,
        producer,
        commitInterval,
        commitWhenCaughtUp,
        producers);
  }

  public GatewayConfig withMaxRecordBytes(int max) {
    return new GatewayConfig(
        instanceId,
        groupId,
        max,
        pollTimeout,
        transactionTimeout,
        statsInterval,
        statsTopic,
        consumer,
        producer,
        commitInterval,
        commitWhenCaughtUp,
        producers);
  }

  public String transactionalId() {
    return groupId + "-" + instanceId;
  }

  /** The transactional id of producer {@code index} (0-based) of the certification loop. */
  public String transactionalId(int index) {
    return index == 0 ? transactionalId() : transactionalId() + "-" + (index + 1);
  }

  // Client settings exactly-once delivery rests on: the gateway sets them, and an extra client
  // property that changed one would silently break it (e.g. two producers sharing one id).
  private static final Map<String, String> OWN_CONSUMER_SETTINGS =
      Map.of(
          "group.id", "use mesh.gateway.group-id",
          "isolation.level", "the gateway reads read_committed",
          "enable.auto.commit", "offsets are committed in the gateway's transactions");
  private static final Map<String, String> OWN_PRODUCER_SETTINGS =
      Map.of(
          "transactional.id", "use mesh.gateway.group-id and mesh.gateway.instance-id",
          "transaction.timeout.ms", "use mesh.gateway.transaction-timeout",
          "enable.idempotence", "exactly-once needs the idempotent producer",
          "acks", "exactly-once needs acks=all");

  private static void rejectOwnSettings(
      String client, Map<String, String> settings, Map<String, String> own) {
    for (String key : settings.keySet()) {
      if (own.containsKey(key)) {
        throw new IllegalArgumentException(
            "mesh.gateway." + client + "." + key + " cannot be set: " + own.get(key));
      }
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
