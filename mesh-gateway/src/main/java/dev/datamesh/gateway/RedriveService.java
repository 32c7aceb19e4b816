package dev.datamesh.gateway;

import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.MeshTopics;
import dev.datamesh.topics.RedriveReport;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-validates a product's dead letters against its current contract, exactly once: the ones that
 * pass are certified, the ones that still fail are appended to the dead-letter topic again with
 * their current reason, and the redrive group's offsets move past what was examined — all in Kafka
 * transactions. The live dead letters of a product are therefore those after the redrive group's
 * committed offsets ({@code <group>-redrive-<productId>}). Each run publishes a {@link
 * RedriveReport} to {@link MeshTopics#GATEWAY_REDRIVE}.
 *
 * <p>One redrive per product at a time (synchronised); runs on the caller's thread.
 */
@Singleton
final class RedriveService {
  private static final Logger LOG = LoggerFactory.getLogger(RedriveService.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(5);

  private final GatewayService gateway;
  private final GatewayConfig config;
  private final Clock clock = Clock.systemUTC();

  RedriveService(GatewayService gateway, GatewayConfig config) {
    this.gateway = gateway;
    this.config = config;
  }

  String groupOf(String productId) {
    return config.groupId() + "-redrive-" + productId;
  }

  synchronized RedriveReport redrive(ActiveProduct product) {
    ProductRoute route = product.route();
    Instant started = clock.instant();
    RecordRouter router = new RecordRouter(clock, topic -> 0);
    Map<String, Long> stillFailing = new TreeMap<>();
    long examined = 0;
    long certified = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(route.productId());
        KafkaProducer<byte[], byte[]> producer = producer(route.productId())) {
      producer.initTransactions();
      List<TopicPartition> partitions =
          consumer.partitionsFor(route.deadLetterTopic()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      seekToCommitted(consumer, partitions);
      long idleSince = System.nanoTime();
      while (!reached(consumer, end) && System.nanoTime() - idleSince < IDLE_LIMIT.toNanos()) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
        if (batch.isEmpty()) {
          continue;
        }
        idleSince = System.nanoTime();
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
          for (ConsumerRecord<byte[], byte[]> dead : batch) {
            TopicPartition tp = new TopicPartition(dead.topic(), dead.partition());
            offsets.put(tp, new OffsetAndMetadata(dead.offset() + 1));
            if (dead.offset() >= end.get(tp)) {
              continue; // appended after the redrive started (possibly by this redrive)
            }
            examined++;
            ConsumerRecord<byte[], byte[]> original = asRaw(dead);
            Verdict verdict = route.certifier().certify(original);
            producer.send(router.route(route, original, verdict));
            if (verdict instanceof Verdict.Certify) {
              certified++;
            } else {
              stillFailing.merge(((Verdict.DeadLetter) verdict).code().name(), 1L, Long::sum);
            }
          }
          producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
          producer.commitTransaction();
        } catch (KafkaException | CertificationUnavailableException e) {
          producer.abortTransaction();
          throw e;
        }
      }
      RedriveReport report =
          new RedriveReport(
              route.productId(),
              route.contractVersion(),
              started,
              clock.instant(),
              examined,
              certified,
              stillFailing);
      publish(producer, report);
      LOG.info(
          "redrive of {}: {} dead letters examined, {} certified, still failing {}",
          route.productId(),
          examined,
          certified,
          stillFailing);
      return report;
    }
  }

  /** The dead letter as the raw record it was: original bytes, key, source coordinates. */
  private static ConsumerRecord<byte[], byte[]> asRaw(ConsumerRecord<byte[], byte[]> dead) {
    RecordHeaders headers = new RecordHeaders();
    for (Header h : dead.headers()) {
      if (!h.key().startsWith("mesh.") && !h.key().startsWith("__rule.")) {
        headers.add(h);
      }
    }
    SourceOffset source =
        SourceOffset.of(dead.headers()).orElse(new SourceOffset(dead.topic(), 0, -1));
    return new ConsumerRecord<>(
        source.topic(),
        source.partition(),
        source.offset(),
        dead.timestamp(),
        dead.timestampType(),
        dead.serializedKeySize(),
        dead.serializedValueSize(),
        dead.key(),
        dead.value(),
        headers,
        java.util.Optional.empty());
  }

  private void publish(KafkaProducer<byte[], byte[]> producer, RedriveReport report) {
    producer.beginTransaction();
    producer.send(
        new ProducerRecord<>(
            MeshTopics.GATEWAY_REDRIVE,
            report.productId().getBytes(StandardCharsets.UTF_8),
            MeshJson.write(report)));
    producer.commitTransaction();
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void seekToCommitted(
      KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      if (c == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, c.offset());
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer(String productId) {
    Map<String, Object> props = new HashMap<>(gateway.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf(productId));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer(String productId) {
    Map<String, Object> props = new HashMap<>(gateway.kafkaProperties());
    props.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId() + "-redrive-" + productId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
