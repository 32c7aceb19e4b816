package dev.datamesh.lineage.emit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link MetadataEmitter} reads, writes and how often.
 *
 * @param groupId consumer group of the input topics
 * @param transactionalId transactional id of the metadata producer
 * @param metadataTopic where events go
 * @param statsTopic gateway stats (input)
 * @param metricsTopic quality metrics (input)
 * @param alertsTopic quality alerts (input)
 * @param freshnessInterval every product's freshness is published at least this often
 * @param freshnessCheck freshness is re-evaluated this often, to publish changes at once
 * @param consumer extra consumer properties
 * @param producer extra producer properties
 */
public record EmitterSettings(
    String groupId,
    String transactionalId,
    String metadataTopic,
    String statsTopic,
    String metricsTopic,
    String alertsTopic,
    Duration freshnessInterval,
    Duration freshnessCheck,
    Map<String, String> consumer,
    Map<String, String> producer) {

  public EmitterSettings {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(transactionalId, "transactionalId");
    Objects.requireNonNull(metadataTopic, "metadataTopic");
    Objects.requireNonNull(statsTopic, "statsTopic");
    Objects.requireNonNull(metricsTopic, "metricsTopic");
    Objects.requireNonNull(alertsTopic, "alertsTopic");
    Objects.requireNonNull(freshnessInterval, "freshnessInterval");
    Objects.requireNonNull(freshnessCheck, "freshnessCheck");
    consumer = Map.copyOf(consumer);
    producer = Map.copyOf(producer);
  }
}
