package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.DataContract;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TopicProvisioner} with the Kafka Admin API. The raw topic is created first (with the
 * broker's record size limit), then the certified and dead-letter topics with the raw topic's
 * {@code max.message.bytes} plus the configured headroom. A topic another instance creates at the
 * same moment counts as existing.
 */
@Singleton
final class KafkaTopicProvisioner implements TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicProvisioner.class);
  private static final long RETRY_MILLIS = 50;

  private final ProvisioningConfig config;
  private final ProvisioningAdmin admin;

  KafkaTopicProvisioner(ProvisioningConfig config, ProvisioningAdmin admin) {
    this.config = config;
    this.admin = admin;
  }

  @Override
  public ProvisioningResult provision(DataContract contract) {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    List<String> created = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      TopicSpec raw = TopicPlan.raw(contract);
      ensure(List.of(raw), deadline, created, warnings);
      TopicPlan plan = TopicPlan.of(contract, maxMessageBytes(raw.name(), deadline), headroom());
      ensure(List.of(plan.certified(), plan.deadLetter()), deadline, created, warnings);
      awaitLeaders(created, deadline);
      if (!created.isEmpty()) {
        LOG.info("created topics {} for {}", created, contract.productId());
      }
      return ProvisioningResult.done(created, warnings);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.warn("provisioning the topics of {} failed: {}", contract.productId(), cause.toString());
      return ProvisioningResult.failed(
          cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (TimeoutException e) {
      return ProvisioningResult.failed("Kafka did not answer within " + config.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProvisioningResult.failed("interrupted");
    } catch (RuntimeException e) {
      LOG.warn("provisioning the topics of {} failed", contract.productId(), e);
      return ProvisioningResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private int headroom() {
    return config.headroomBytes();
  }

  private void ensure(
      List<TopicSpec> specs, long deadline, List<String> created, List<String> warnings)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<String, Integer> existing = partitions(specs, deadline);
    List<NewTopic> missing = new ArrayList<>();
    for (TopicSpec spec : specs) {
      Integer actual = existing.get(spec.name());
      if (actual == null) {
        missing.add(
            new NewTopic(
                    spec.name(),
                    Optional.of(spec.partitions()),
                    Optional.ofNullable(config.replicationFactor()))
                .configs(spec.configs()));
      } else if (actual != spec.partitions()) {
        warnings.add(partitionWarning(spec, actual));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<String, KafkaFuture<Void>> results = admin.get().createTopics(missing).values();
    for (NewTopic topic : missing) {
      try {
        results.get(topic.name()).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        created.add(topic.name());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        // Created concurrently (another instance, or an operator): treat as existing.
        TopicSpec spec =
            specs.stream().filter(s -> s.name().equals(topic.name())).findFirst().get();
        Integer actual = partitions(List.of(spec), deadline).get(spec.name());
        if (actual != null && actual != spec.partitions()) {
          warnings.add(partitionWarning(spec, actual));
        }
      }
    }
  }

  /** Partition counts of those of {@code specs} that exist. */
  private Map<String, Integer> partitions(List<TopicSpec> specs, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<String, KafkaFuture<TopicDescription>> described =
        admin.get().describeTopics(specs.stream().map(TopicSpec::name).toList()).topicNameValues();
    Map<String, Integer> out = new HashMap<>();
    for (TopicSpec spec : specs) {
      try {
        out.put(
            spec.name(),
            described
                .get(spec.name())
                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS)
                .partitions()
                .size());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    return out;
  }

  /**
   * Waits until every partition of the new topics has a leader, so producers and the gateway can
   * use them as soon as the registration is answered.
   */
  private void awaitLeaders(List<String> topics, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    while (!topics.isEmpty()) {
      try {
        Map<String, TopicDescription> described =
            admin
                .get()
                .describeTopics(topics)
                .allTopicNames()
                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        if (described.values().stream()
            .flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          // A leader in the metadata may still be starting its replica; ListOffsets succeeds only
          // once the partition is online there. Without this, an idempotent producer's first
          // batch can be refused with NOT_LEADER and its later batches stall on out-of-order
          // sequence numbers.
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          described.forEach(
              (name, d) ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
          admin
              .get()
              .listOffsets(latest)
              .all()
              .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException
            || e.getCause() instanceof org.apache.kafka.common.errors.NotLeaderOrFollowerException
            || e.getCause()
                instanceof org.apache.kafka.common.errors.LeaderNotAvailableException)) {
          throw e;
        }
      }
      if (System.nanoTime() >= deadline) {
        throw new TimeoutException("the new topics " + topics + " got no leaders in time");
      }
      Thread.sleep(RETRY_MILLIS);
    }
  }

  /**
   * The topic's {@code max.message.bytes}. A topic created a moment ago may not be known to the
   * broker answering yet, so that is retried until the deadline.
   */
  private long maxMessageBytes(String topic, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config described;
    while (true) {
      try {
        described =
            admin
                .get()
                .describeConfigs(List.of(resource))
                .all()
                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS)
                .get(resource);
        break;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() >= deadline) {
          throw e;
        }
        Thread.sleep(RETRY_MILLIS);
      }
    }
    ConfigEntry entry =
        described == null ? null : described.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
    try {
      return entry == null || entry.value() == null ? 1_048_588L : Long.parseLong(entry.value());
    } catch (NumberFormatException e) {
      return 1_048_588L;
    }
  }

  private static String partitionWarning(TopicSpec spec, int actual) {
    return "topic "
        + spec.name()
        + " already exists with "
        + actual
        + " partition(s) while the contract asks for "
        + spec.partitions()
        + "; existing topics are left alone";
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
  }
}
