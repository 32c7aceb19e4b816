package dev.datamesh.reliability;

import dev.datamesh.gateway.SourceOffset;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * What the gateway wrote for one product: every committed certified and dead-letter record, by the
 * raw record it came from ({@code partition/offset} from its {@code mesh.source.offset} header).
 *
 * <p>The raw position is the id: it names one produced record exactly, keyed or not, so the suite
 * can count lost (produced, never written) and duplicated (written more than once) records.
 */
final class Ledger {
  private final Map<String, Integer> certified = new HashMap<>();
  private final Map<String, List<String>> deadCodes = new HashMap<>();
  private long certifiedRecords;
  private long deadRecords;

  /** Reads both topics from the beginning up to their committed end ({@code read_committed}). */
  static Ledger read(TestKafka kafka, String certifiedTopic, String deadLetterTopic) {
    Ledger ledger = new Ledger();
    try (KafkaConsumer<byte[], byte[]> consumer =
        KafkaTestClients.consumer(kafka, TestTopics.unique("ledger"))) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(certifiedTopic, deadLetterTopic)) {
        for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
          partitions.add(new TopicPartition(topic, p.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!atEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + certifiedTopic + " to its end in 5 min");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ledger.add(r, r.topic().equals(certifiedTopic));
        }
      }
    }
    return ledger;
  }

  /**
   * Waits until the consumer group has committed the end of every partition of {@code rawTopic}:
   * from then on nothing more can be written for the records produced so far.
   */
  static void awaitCaughtUp(TestKafka kafka, String group, String rawTopic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = KafkaTestClients.admin(kafka)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(Set.of(rawTopic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(rawTopic)
          .partitions()
          .forEach(
              p -> latest.put(new TopicPartition(rawTopic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> end = new HashMap<>();
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> end.put(tp, info.offset()));
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        boolean done =
            end.entrySet().stream()
                .allMatch(
                    e -> {
                      OffsetAndMetadata c = committed.get(e.getKey());
                      return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
                    });
        if (done) {
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError("group " + group + " did not catch up with " + rawTopic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the offsets of " + group, e);
    }
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void add(ConsumerRecord<byte[], byte[]> r, boolean isCertified) {
    String id =
        SourceOffset.of(r.headers())
            .map(source -> source.partition() + "/" + source.offset())
            .orElse("-/-");
    if (isCertified) {
      certifiedRecords++;
      certified.merge(id, 1, Integer::sum);
    } else {
      deadRecords++;
      deadCodes.computeIfAbsent(id, k -> new ArrayList<>()).add(header(r, "mesh.error.code"));
    }
  }

  /** The figures of a run against the ids that were produced. */
  Figures figures(String scenario, Set<String> produced, int restarts) {
    long lost = produced.stream().filter(id -> times(id) == 0).count();
    long duplicated =
        certified.values().stream().mapToLong(n -> n - 1).sum()
            + deadCodes.values().stream().mapToLong(l -> l.size() - 1).sum()
            + certified.keySet().stream().filter(deadCodes::containsKey).count();
    long unknown =
        certified.keySet().stream().filter(id -> !produced.contains(id)).count()
            + deadCodes.keySet().stream().filter(id -> !produced.contains(id)).count();
    return new Figures(
        scenario,
        produced.size(),
        certifiedRecords,
        deadRecords,
        lost,
        duplicated + unknown,
        restarts);
  }

  /** How often the raw record {@code id} was written (certified or dead-lettered). */
  int times(String id) {
    return certified.getOrDefault(id, 0) + deadCodes.getOrDefault(id, List.of()).size();
  }

  /** Certified records read (duplicates included). */
  long certifiedRecords() {
    return certifiedRecords;
  }

  /** Dead-letter records read (duplicates included). */
  long deadLetteredRecords() {
    return deadRecords;
  }

  boolean isCertified(String id) {
    return certified.containsKey(id);
  }

  /** The dead-letter codes written for {@code id} (empty if it was not dead-lettered). */
  List<String> deadLetterCodes(String id) {
    return deadCodes.getOrDefault(id, List.of());
  }

  static String id(int partition, long offset) {
    return partition + "/" + offset;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
