package dev.datamesh.lineage.discovery;

import java.util.List;
import java.util.Objects;

/**
 * A consumer group found reading certified topics, as the Kafka admin API reported it.
 *
 * @param groupId the group id
 * @param state the group state ({@code Stable}, {@code Empty}, ...; {@code Unknown} if not
 *     described)
 * @param members active members
 * @param topics the certified topics it has committed offsets on, with its lag on each
 */
public record ConsumerGroup(String groupId, String state, int members, List<TopicLag> topics) {

  /**
   * The group's position on one topic, summed over partitions.
   *
   * @param topic the topic
   * @param committed sum of committed offsets
   * @param end sum of end offsets
   * @param lag {@code end - committed} (never negative)
   */
  public record TopicLag(String topic, long committed, long end, long lag) {
    public TopicLag {
      Objects.requireNonNull(topic, "topic");
    }
  }

  public ConsumerGroup {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(state, "state");
    topics = List.copyOf(topics);
  }

  /** The topic names, in order. */
  public List<String> topicNames() {
    return topics.stream().map(TopicLag::topic).toList();
  }
}
