package dev.datamesh.lineage.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ConsumerDiscovery} with one Kafka {@link Admin} client and a scheduled thread. */
final class AdminConsumerDiscovery implements ConsumerDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(AdminConsumerDiscovery.class);
  private static final String CERTIFIED_SUFFIX = ".certified";
  private static final long TIMEOUT_SECONDS = 15;

  private final Admin admin;
  private final List<String> ignoredPrefixes;
  private final ScheduledExecutorService executor;
  private volatile boolean healthy;

  private AdminConsumerDiscovery(Admin admin, List<String> ignoredPrefixes) {
    this.admin = admin;
    this.ignoredPrefixes = List.copyOf(ignoredPrefixes);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mesh-lineage-discovery");
              t.setDaemon(true);
              return t;
            });
  }

  static AdminConsumerDiscovery start(
      Map<String, Object> kafkaProperties,
      List<String> ignoredPrefixes,
      Duration interval,
      Consumer<List<ConsumerGroup>> sink) {
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "mesh-lineage-discovery");
    AdminConsumerDiscovery discovery =
        new AdminConsumerDiscovery(Admin.create(props), ignoredPrefixes);
    discovery.executor.scheduleWithFixedDelay(
        () -> discovery.round(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return discovery;
  }

  private void round(Consumer<List<ConsumerGroup>> sink) {
    try {
      sink.accept(discover());
    } catch (RuntimeException e) {
      LOG.warn("consumer discovery round failed (retrying): {}", e.toString());
    }
  }

  @Override
  public List<ConsumerGroup> discover() {
    try {
      List<ConsumerGroup> groups = discoverOrThrow();
      healthy = true;
      return groups;
    } catch (ExecutionException | TimeoutException e) {
      healthy = false;
      throw new IllegalStateException("listing consumer groups failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private List<ConsumerGroup> discoverOrThrow()
      throws ExecutionException, InterruptedException, TimeoutException {
    Collection<GroupListing> listings =
        admin
            .listGroups(ListGroupsOptions.forConsumerGroups())
            .all()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, ListConsumerGroupOffsetsSpec> specs = new TreeMap<>();
    for (GroupListing listing : listings) {
      if (!ignored(listing.groupId())) {
        specs.put(listing.groupId(), new ListConsumerGroupOffsetsSpec());
      }
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
        admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, Map<TopicPartition, Long>> readers = new TreeMap<>();
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    offsets.forEach(
        (group, partitions) ->
            partitions.forEach(
                (tp, offset) -> {
                  if (offset != null && tp.topic().endsWith(CERTIFIED_SUFFIX)) {
                    readers.computeIfAbsent(group, g -> new HashMap<>()).put(tp, offset.offset());
                    ends.put(tp, OffsetSpec.latest());
                  }
                }));
    if (readers.isEmpty()) {
      return List.of();
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets =
        admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, ConsumerGroupDescription> descriptions =
        admin.describeConsumerGroups(readers.keySet()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<ConsumerGroup> groups = new ArrayList<>();
    readers.forEach(
        (group, positions) -> {
          ConsumerGroupDescription d = descriptions.get(group);
          groups.add(
              new ConsumerGroup(
                  group,
                  d == null ? "Unknown" : d.groupState().toString(),
                  d == null ? 0 : d.members().size(),
                  lags(positions, endOffsets)));
        });
    return groups;
  }

  private static List<ConsumerGroup.TopicLag> lags(
      Map<TopicPartition, Long> positions,
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
    Map<String, long[]> perTopic = new TreeMap<>();
    positions.forEach(
        (tp, committed) -> {
          ListOffsetsResult.ListOffsetsResultInfo info = ends.get(tp);
          long end = info == null ? committed : info.offset();
          long[] sums = perTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
          sums[0] += committed;
          sums[1] += end;
        });
    List<ConsumerGroup.TopicLag> lags = new ArrayList<>();
    perTopic.forEach(
        (topic, s) ->
            lags.add(new ConsumerGroup.TopicLag(topic, s[0], s[1], Math.max(0, s[1] - s[0]))));
    return lags;
  }

  private boolean ignored(String groupId) {
    return ignoredPrefixes.stream().anyMatch(groupId::startsWith);
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
