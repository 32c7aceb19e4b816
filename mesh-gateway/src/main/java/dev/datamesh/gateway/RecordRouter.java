package dev.datamesh.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw record and its verdict into the record to write: certified (raw key, raw partition,
 * raw timestamp, raw headers plus the mesh headers) or dead-letter (original bytes and headers plus
 * reason headers). Stateless and thread-safe.
 */
final class RecordRouter {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);

  private final Clock clock;
  private final ToIntFunction<String> partitionCount;
  // ISO-8601 formatting per record showed in profiles; the text only changes once a millisecond
  private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, new byte[0]);

  // the route's topic names are concatenated on each call; per record that showed in profiles
  // (a new String each time, hashed again for the partition-count lookup)
  private final ConcurrentHashMap<String, String> certifiedTopics = new ConcurrentHashMap<>();

  private record Stamp(long millis, byte[] utf8) {}

  /**
   * @param partitionCount the partition count of a topic, or 0 if unknown
   */
  RecordRouter(Clock clock, ToIntFunction<String> partitionCount) {
    this.clock = clock;
    this.partitionCount = partitionCount;
  }

  ProducerRecord<byte[], byte[]> route(
      ProductRoute route, ConsumerRecord<byte[], byte[]> raw, Verdict verdict) {
    if (verdict instanceof Verdict.Certify certify) {
      return certified(route, raw, certify);
    }
    return deadLetter(route, raw, (Verdict.DeadLetter) verdict);
  }

  private ProducerRecord<byte[], byte[]> certified(
      ProductRoute route, ConsumerRecord<byte[], byte[]> raw, Verdict.Certify certify) {
    RecordHeaders headers = new RecordHeaders(raw.headers().toArray());
    headers.add(MeshHeaders.CONTRACT_ID, utf8(route.contractId()));
    headers.add(MeshHeaders.CONTRACT_VERSION, utf8(route.contractVersion()));
    headers.add(MeshHeaders.CERTIFIED_AT, now());
    addSource(headers, raw);
    for (Header h : certify.headers()) {
      headers.add(h);
    }
    // Same partition as raw keeps per-key order across the hop; fall back to the key's hash only
    // when the certified topic was (mis)created with fewer partitions.
    String topic = certifiedTopics.computeIfAbsent(route.productId(), p -> route.certifiedTopic());
    Integer partition = raw.partition() < partitionCount.applyAsInt(topic) ? raw.partition() : null;
    return new ProducerRecord<>(
        topic, partition, raw.timestamp(), raw.key(), certify.value(), headers);
  }

  private ProducerRecord<byte[], byte[]> deadLetter(
      ProductRoute route, ConsumerRecord<byte[], byte[]> raw, Verdict.DeadLetter dead) {
    LOG.debug(
        "dead-letter {}-{}@{}: {} {}",
        raw.topic(),
        raw.partition(),
        raw.offset(),
        dead.code(),
        dead.reason());
    RecordHeaders headers = new RecordHeaders(raw.headers().toArray());
    headers.add(MeshHeaders.ERROR_CODE, utf8(dead.code().name()));
    headers.add(MeshHeaders.ERROR_REASON, utf8(dead.reason()));
    headers.add(MeshHeaders.ERROR_FIELD, utf8(dead.field()));
    headers.add(MeshHeaders.ERROR_AT, utf8(clock.instant().toString()));
    headers.add(MeshHeaders.CONTRACT_ID, utf8(route.contractId()));
    headers.add(MeshHeaders.CONTRACT_VERSION, utf8(route.contractVersion()));
    addSource(headers, raw);
    if (!dead.ruleName().isEmpty()) {
      headers.add(MeshHeaders.RULE_NAME, utf8(dead.ruleName()));
      headers.add(MeshHeaders.RULE_EXCEPTION, utf8(dead.reason()));
    }
    // Dead letters go by key like any record; the raw partition may not exist in the dlq topic.
    return new ProducerRecord<>(
        route.deadLetterTopic(), null, raw.timestamp(), raw.key(), raw.value(), headers);
  }

  /** The current instant as ISO-8601 UTF-8 bytes (shared, never modified). */
  private byte[] now() {
    long millis = clock.millis();
    Stamp stamp = lastStamp;
    if (stamp.millis() != millis) {
      stamp = new Stamp(millis, utf8(java.time.Instant.ofEpochMilli(millis).toString()));
      lastStamp = stamp;
    }
    return stamp.utf8();
  }

  private static void addSource(RecordHeaders headers, ConsumerRecord<byte[], byte[]> raw) {
    headers.add(MeshHeaders.SOURCE_TOPIC, utf8(raw.topic()));
    headers.add(MeshHeaders.SOURCE_PARTITION, utf8(Integer.toString(raw.partition())));
    headers.add(MeshHeaders.SOURCE_OFFSET, utf8(Long.toString(raw.offset())));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
