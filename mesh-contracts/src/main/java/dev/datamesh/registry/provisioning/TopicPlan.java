package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.KafkaProfile;
import dev.datamesh.contracts.ProductTopics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The three topics of a product as its contract asks for them: {@code <id>.raw} and {@code
 * <id>.certified} with the Kafka profile's partition count, the raw retention and the retention
 * SLA, the certified topic compacted when the profile says so; {@code <id>.dlq} with the same
 * partitions, the dead-letter retention, and a {@code max.message.bytes} larger than the raw
 * topic's (as the certified topic's) so a raw record plus reason headers always fits.
 */
public record TopicPlan(TopicSpec raw, TopicSpec certified, TopicSpec deadLetter) {

  /** The raw topic, which has the broker's maximum record size. */
  public static TopicSpec raw(DataContract contract) {
    KafkaProfile kafka = contract.kafka();
    return new TopicSpec(
        contract.topics().raw(),
        kafka.partitions(),
        Map.of(
            TopicConfig.RETENTION_MS_CONFIG,
            Long.toString(kafka.rawRetention().toMillis()),
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE));
  }

  /**
   * The plan for {@code contract} given the raw topic's {@code max.message.bytes} and the headroom
   * the downstream topics get on top of it.
   */
  public static TopicPlan of(DataContract contract, long rawMaxMessageBytes, int headroomBytes) {
    KafkaProfile kafka = contract.kafka();
    ProductTopics topics = contract.topics();
    String downstreamMax =
        Long.toString(Math.min(Integer.MAX_VALUE, rawMaxMessageBytes + headroomBytes));
    Map<String, String> certified = new LinkedHashMap<>();
    certified.put(
        TopicConfig.RETENTION_MS_CONFIG, Long.toString(kafka.certifiedRetention().toMillis()));
    certified.put(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        kafka.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    certified.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, downstreamMax);
    return new TopicPlan(
        raw(contract),
        new TopicSpec(topics.certified(), kafka.partitions(), certified),
        new TopicSpec(
            topics.deadLetter(),
            kafka.partitions(),
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(kafka.deadLetterRetention().toMillis()),
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                downstreamMax)));
  }

  /** The three topics, raw first. */
  public List<TopicSpec> all() {
    return List.of(raw, certified, deadLetter);
  }
}
