package dev.datamesh.bench;

import dev.datamesh.gateway.MeshHeaders;
import dev.datamesh.gateway.SourceOffset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: a plain exactly-once poll→send pipe with the gateway's delivery settings and
 * transaction rule (a transaction takes polled records for up to the commit interval, or until the
 * consumer has no lag left; offsets in the transaction, read_committed, same partition, acks all,
 * linger 5 ms, 256 KiB batches, 2000 records per poll), copying bytes without looking at them.
 */
final class EosPipe implements Runnable {

  private final Map<String, Object> kafka;
  private final String in;
  private final String out;
  private final String group;
  private final Duration commitInterval;
  private final boolean commitWhenCaughtUp;
  private final MeshLikeHeaders headers;
  private volatile boolean running = true;

  EosPipe(Map<String, Object> kafka, String in, String out, String group, BenchMain.TxRule rule) {
    this(kafka, in, out, group, rule, null);
  }

  /**
   * @param headers when not null, every copy carries headers shaped like the gateway's four (an
   *     attribution baseline: what the headers alone cost the clients and the broker)
   */
  EosPipe(
      Map<String, Object> kafka,
      String in,
      String out,
      String group,
      BenchMain.TxRule rule,
      MeshLikeHeaders headers) {
    this.headers = headers;
    this.commitInterval = rule.commitInterval();
    this.commitWhenCaughtUp = rule.commitWhenCaughtUp();
    this.kafka = kafka;
    this.in = in;
    this.out = out;
    this.group = group;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, group);
        KafkaProducer<byte[], byte[]> producer = producer(kafka, group + "-tx")) {
      producer.initTransactions();
      consumer.subscribe(Set.of(in));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long commitAt = System.nanoTime() + commitInterval.toNanos();
        while (true) {
          copy(producer, records, offsets);
          long left = commitAt - System.nanoTime();
          if (records.isEmpty()
              || left <= 0
              || !running
              || (commitWhenCaughtUp && caughtUp(consumer))) {
            break;
          }
          records = consumer.poll(Duration.ofNanos(left));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      }
    }
  }

  /** A consumer with the gateway's settings: read_committed, no auto commit, 2000 per poll. */
  static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> kafka, String group) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** A transactional producer with the gateway's settings: acks all, linger 5 ms, 256 KiB. */
  static KafkaProducer<byte[], byte[]> producer(Map<String, Object> kafka, String transactionalId) {
    Map<String, Object> p = new HashMap<>(kafka);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private void copy(
      KafkaProducer<byte[], byte[]> producer,
      ConsumerRecords<byte[], byte[]> records,
      Map<TopicPartition, OffsetAndMetadata> offsets) {
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
      for (ConsumerRecord<byte[], byte[]> r : part) {
        producer.send(
            new ProducerRecord<>(
                out,
                r.partition(),
                r.timestamp(),
                r.key(),
                r.value(),
                headers == null ? r.headers() : headers.of(r)));
      }
      offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
    }
  }

  /**
   * Headers of the same names and sizes as the gateway's on a certified record: contract id and
   * version, certified-at (one fixed instant; the gateway's changes every millisecond) and the
   * source offset as {@link SourceOffset#text()} writes it. Immutable.
   */
  static final class MeshLikeHeaders {
    private final byte[] contractId;
    private final byte[] version;
    private final byte[] certifiedAt =
        Instant.ofEpochMilli(System.currentTimeMillis())
            .toString()
            .getBytes(StandardCharsets.UTF_8);

    MeshLikeHeaders(String contractId, String version) {
      this.contractId = contractId.getBytes(StandardCharsets.UTF_8);
      this.version = version.getBytes(StandardCharsets.UTF_8);
    }

    Headers of(ConsumerRecord<byte[], byte[]> r) {
      return new RecordHeaders(
          new Header[] {
            new RecordHeader(MeshHeaders.CONTRACT_ID, contractId),
            new RecordHeader(MeshHeaders.CONTRACT_VERSION, version),
            new RecordHeader(MeshHeaders.CERTIFIED_AT, certifiedAt),
            new RecordHeader(
                MeshHeaders.SOURCE_OFFSET,
                new SourceOffset(r.topic(), r.partition(), r.offset())
                    .text()
                    .getBytes(StandardCharsets.UTF_8))
          });
    }
  }

  /** The gateway's rule: no lag left at the last fetch means nothing is gained by waiting. */
  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer) {
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(tp);
      if (lag.isPresent() && lag.getAsLong() > 0) {
        return false;
      }
    }
    return true;
  }
}
