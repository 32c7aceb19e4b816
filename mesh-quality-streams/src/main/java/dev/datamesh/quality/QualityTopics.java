package dev.datamesh.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the quality service writes (metrics, alerts, compacted health) and the gateway
 * stats topic it reads, if missing; replication follows the broker's default.
 */
final class QualityTopics {
  private static final Logger LOG = LoggerFactory.getLogger(QualityTopics.class);

  private QualityTopics() {}

  static void create(QualityConfig config, String bootstrapServers, Map<String, Object> security) {
    Map<String, Object> props = new HashMap<>(security);
    props.putAll(config.streams());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      Optional<Integer> partitions = Optional.of(config.partitions());
      for (String topic : List.of(config.metricsTopic(), config.alertsTopic())) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, Optional.empty()));
        }
      }
      if (!existing.contains(config.healthTopic())) {
        missing.add(
            new NewTopic(config.healthTopic(), partitions, Optional.empty())
                .configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      }
      if (!existing.contains(config.statsTopic())) {
        missing.add(new NewTopic(config.statsTopic(), Optional.of(1), Optional.empty()));
      }
      for (NewTopic topic : missing) {
        createOne(admin, topic);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create the quality topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating the quality topics", e);
    }
  }

  private static void createOne(Admin admin, NewTopic topic)
      throws InterruptedException, TimeoutException, ExecutionException {
    try {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      LOG.info("created topic {}", topic.name());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
