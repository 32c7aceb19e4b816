package dev.datamesh.lineage.catalog;

/**
 * A consumer group reading a product's certified topic.
 *
 * @param groupId the group id
 * @param state the group's state ({@code Stable}, {@code Empty}, ...; {@code Unknown} until
 *     discovery ran)
 * @param members active members
 * @param committed committed offsets on the certified topic, summed over partitions
 * @param lag records not yet consumed
 */
public record ConsumerView(String groupId, String state, int members, long committed, long lag) {}
