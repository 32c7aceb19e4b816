package dev.datamesh.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients with test-friendly defaults, for {@code *IT} tests. */
public final class KafkaTestClients {

  private KafkaTestClients() {}

  /** An admin client; the caller closes it. */
  public static Admin admin(TestKafka kafka) {
    return Admin.create(new HashMap<>(kafka.clientProperties()));
  }

  /**
   * Creates the topics (idempotent) with the given partition count and waits until every partition
   * has a leader, so a producer's first batch is not refused with NOT_LEADER (which can leave an
   * idempotent producer stuck on out-of-order sequence errors).
   */
  public static void createTopics(TestKafka kafka, int partitions, String... topics) {
    List<NewTopic> newTopics = new ArrayList<>();
    for (String topic : topics) {
      newTopics.add(new NewTopic(topic, partitions, (short) 1));
    }
    createTopics(kafka, newTopics);
  }

  /** Creates the topics as described (configs included) and waits as above. */
  public static void createTopics(TestKafka kafka, List<NewTopic> newTopics) {
    List<String> topics = newTopics.stream().map(NewTopic::name).toList();
    try (Admin admin = admin(kafka)) {
      try {
        admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      awaitLeaders(admin, topics);
    } catch (Exception e) {
      throw new IllegalStateException("creating topics " + topics + " failed", e);
    }
  }

  private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> described =
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        boolean ready =
            described.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (ready) {
          // The leader's replica manager may lag its metadata cache; ListOffsets only succeeds
          // once the partition is really online on the leader.
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          described.forEach(
              (name, d) ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
          return;
        }
      } catch (ExecutionException e) {
        // not visible in this broker's metadata yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("topics " + topics + " have no leaders after 30 s");
  }

  /** A byte-array producer with {@code acks=all} and idempotence; the caller closes it. */
  public static KafkaProducer<byte[], byte[]> producer(TestKafka kafka) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A byte-array consumer reading from the earliest offset with {@code read_committed}, so aborted
   * transactional writes are never seen; the caller closes it.
   */
  public static KafkaConsumer<byte[], byte[]> consumer(TestKafka kafka, String groupId) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Reads {@code topic} from the beginning until {@code expected} records arrived or {@code
   * timeout} passed, and returns what was read (possibly more or fewer). No consumer group: the
   * partitions are assigned, so the whole timeout goes to reading, not to joining a group (which
   * takes seconds on a loaded machine), and the read is never listed as a consumer of the topic.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      TestKafka kafka, String topic, int expected, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = assignedFromStart(kafka, topic, timeout)) {
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Every committed record of {@code topic} up to its end offsets at the call: waits for exactly
   * what is there, however slow the machine, failing only after {@code timeout}.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readToEnd(
      TestKafka kafka, String topic, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = assignedFromStart(kafka, topic, timeout)) {
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "read "
                  + records.size()
                  + " records of "
                  + topic
                  + " but not to "
                  + end
                  + " in "
                  + timeout);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static KafkaConsumer<byte[], byte[]> assignedFromStart(
      TestKafka kafka, String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    // A topic that does not exist yet (or not on every broker's metadata yet) is waited for.
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TopicPartition> partitions = List.of();
    while (partitions.isEmpty() && System.nanoTime() < deadline) {
      partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        sleep(Duration.ofMillis(100));
      }
    }
    if (partitions.isEmpty()) {
      consumer.close();
      throw new AssertionError("topic " + topic + " did not appear within " + timeout);
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
