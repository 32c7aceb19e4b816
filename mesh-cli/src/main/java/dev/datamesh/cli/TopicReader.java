package dev.datamesh.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic for the operator commands, without a consumer group (nothing to clean up,
 * never counted as a product's consumer): every partition from the beginning, committed records
 * only, up to the end offsets at start — or on and on with {@code follow} until Ctrl-C.
 */
final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final List<TopicPartition> partitions;

  TopicReader(Map<String, Object> clientProperties, String topic) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "mesh-cli");
    props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      consumer.close(Duration.ZERO);
      throw new CliFailure(
          "Cannot reach Kafka at "
              + props.get("bootstrap.servers")
              + " within 15 s. Is the mesh running (./mesh dev)? Point at it with"
              + " --bootstrap-servers.");
    }
    if (infos == null || infos.isEmpty()) {
      consumer.close(Duration.ZERO);
      throw new CliFailure("No topic " + topic + " on " + props.get("bootstrap.servers"));
    }
    this.partitions =
        infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Starts the given partitions at these offsets instead of the beginning. */
  void startAt(Map<TopicPartition, Long> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          if (partitions.contains(partition)) {
            consumer.seek(partition, offset);
          }
        });
  }

  /**
   * Hands each record to {@code sink} until the end offsets seen at the start (or forever when
   * {@code follow}); {@code sink} returns false to stop early.
   *
   * @return how many records were handed over
   */
  long read(boolean follow, Predicate<ConsumerRecord<byte[], byte[]>> sink) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long count = 0;
    // Ctrl-C while following: wake the poll so the reader closes and the JVM can stop.
    Thread wakeup = new Thread(consumer::wakeup, "mesh-cli-reader");
    if (follow) {
      Runtime.getRuntime().addShutdownHook(wakeup);
    }
    try {
      while (follow || !reached(end)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          count++;
          if (!sink.test(record)) {
            return count;
          }
        }
      }
    } catch (WakeupException e) {
      return count; // Ctrl-C: stop quietly.
    } finally {
      if (follow) {
        removeHook(wakeup);
      }
    }
    return count;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook has run.
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
        return false;
      }
    }
    return true;
  }

  String topic() {
    return topic;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
