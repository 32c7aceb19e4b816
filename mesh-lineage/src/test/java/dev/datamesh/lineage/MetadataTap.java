package dev.datamesh.lineage;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a metadata topic from the beginning (read_committed, no group) and keeps every event, so a
 * test can wait for the events it expects. Not thread-safe: one test thread.
 */
final class MetadataTap implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event: its Kafka key, its JSON text and parsed form. */
  record Event(String key, String json, JsonNode node) {}

  private final KafkaConsumer<String, String> consumer;
  private final List<Event> events = new ArrayList<>();

  MetadataTap(TestKafka kafka, String topic) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Waits until at least {@code count} events match, then returns all matching ones. */
  List<Event> awaitEvents(Predicate<Event> matching, int count, Duration timeout) {
    List<Event> found = new ArrayList<>();
    await()
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              poll();
              found.clear();
              events.stream().filter(matching).forEach(found::add);
              return found.size() >= count;
            });
    return List.copyOf(found);
  }

  /** Every event read so far that matches (after one more poll). */
  List<Event> all(Predicate<Event> matching) {
    poll();
    return events.stream().filter(matching).toList();
  }

  private void poll() {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
      try {
        events.add(new Event(r.key(), r.value(), JSON.readTree(r.value())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Predicate<Event> datasetEvent(String topic, String facet) {
    return e ->
        topic.equals(e.node().path("dataset").path("name").asText())
            && e.node().path("dataset").path("facets").has(facet);
  }

  static Predicate<Event> runOf(String job) {
    return e -> e.node().has("run") && job.equals(e.node().path("job").path("name").asText());
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
