package dev.datamesh.lineage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the metadata topic at start-up if it does not exist yet. */
final class MetadataTopic {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataTopic.class);

  private MetadataTopic() {}

  static void ensure(Map<String, Object> kafkaProperties, LineageConfig config) {
    try (Admin admin = Admin.create(kafkaProperties)) {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(config.metadataTopic())) {
        return;
      }
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      short replication =
          config.replicationFactor() != null
              ? config.replicationFactor()
              : (short) Math.max(1, Math.min(3, brokers));
      admin
          .createTopics(
              List.of(
                  new NewTopic(config.metadataTopic(), config.metadataPartitions(), replication)))
          .all()
          .get(30, TimeUnit.SECONDS);
      LOG.info(
          "created {} ({} partitions, replication {})",
          config.metadataTopic(),
          config.metadataPartitions(),
          replication);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + config.metadataTopic() + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka unreachable creating " + config.metadataTopic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
