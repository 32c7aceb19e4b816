package dev.datamesh.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw record and its verdict into the record to write: certified (raw key, raw partition,
 * raw timestamp, raw headers plus the mesh headers) or dead-letter (original bytes and headers plus
 * reason headers). Keeps only caches (header bytes per route, the certified-at text); thread-safe.
 */
final class RecordRouter {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);

  private final Clock clock;
  private final ToIntFunction<String> partitionCount;
  // ISO-8601 formatting per record showed in profiles; the text only changes once a millisecond
  private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, new byte[0]);

  // What a route puts on every certified record, encoded once per route instead of per record:
  // the topic name concatenations and UTF-8 encodings of constant headers showed in profiles.
  private final ConcurrentHashMap<String, RouteBytes> routeBytes = new ConcurrentHashMap<>();
  private static final int MESH_HEADERS = 4;
  private static final int SMALL_PARTITIONS = 256;

  private record Stamp(long millis, byte[] utf8) {}

  /** Header values shared by every record of one route (never modified once built). */
  private record RouteBytes(
      ProductRoute route,
      String rawTopic,
      String certifiedTopic,
      byte[] contractId,
      byte[] contractVersion,
      AtomicReferenceArray<byte[]> sourcePrefixes) {
    static RouteBytes of(ProductRoute route) {
      return new RouteBytes(
          route,
          route.rawTopic(),
          route.certifiedTopic(),
          utf8(route.contractId()),
          utf8(route.contractVersion()),
          new AtomicReferenceArray<>(SMALL_PARTITIONS));
    }

    /**
     * {@code rawTopic/partition/} as UTF-8; filled on first use (a racing fill is identical, and
     * the atomic array publishes the bytes safely to other threads).
     */
    byte[] sourcePrefix(int partition) {
      if (partition < 0 || partition >= SMALL_PARTITIONS) {
        return RecordRouter.sourcePrefix(rawTopic, partition);
      }
      byte[] prefix = sourcePrefixes.get(partition);
      if (prefix == null) {
        prefix = RecordRouter.sourcePrefix(rawTopic, partition);
        sourcePrefixes.set(partition, prefix);
      }
      return prefix;
    }
  }

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
    RouteBytes constant = bytesOf(route);
    // one array of the final size: adding to a RecordHeaders grows its list several times
    Header[] rawHeaders = raw.headers().toArray();
    Header[] extra = certify.headers().toArray(new Header[0]);
    Header[] all = Arrays.copyOf(rawHeaders, rawHeaders.length + MESH_HEADERS + extra.length);
    int i = rawHeaders.length;
    all[i++] = new RecordHeader(MeshHeaders.CONTRACT_ID, constant.contractId());
    all[i++] = new RecordHeader(MeshHeaders.CONTRACT_VERSION, constant.contractVersion());
    all[i++] = new RecordHeader(MeshHeaders.CERTIFIED_AT, now());
    byte[] sourcePrefix =
        raw.topic().equals(constant.rawTopic()) // route.rawTopic() concatenates per call
            ? constant.sourcePrefix(raw.partition())
            : sourcePrefix(raw.topic(), raw.partition());
    all[i++] = new RecordHeader(MeshHeaders.SOURCE_OFFSET, withDigits(sourcePrefix, raw.offset()));
    System.arraycopy(extra, 0, all, i, extra.length);
    // ProducerRecord copies the headers it is given into its own RecordHeaders: a list view of the
    // array is copied once, where a RecordHeaders would be built and then copied again
    List<Header> headers = Arrays.asList(all);
    // Same partition as raw keeps per-key order across the hop; fall back to the key's hash only
    // when the certified topic was (mis)created with fewer partitions.
    String topic = constant.certifiedTopic();
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
    headers.add(
        MeshHeaders.SOURCE_OFFSET,
        utf8(new SourceOffset(raw.topic(), raw.partition(), raw.offset()).text()));
    if (!dead.ruleName().isEmpty()) {
      headers.add(MeshHeaders.RULE_NAME, utf8(dead.ruleName()));
      headers.add(MeshHeaders.RULE_EXCEPTION, utf8(dead.reason()));
    }
    // Dead letters go by key like any record; the raw partition may not exist in the dlq topic.
    return new ProducerRecord<>(
        route.deadLetterTopic(), null, raw.timestamp(), raw.key(), raw.value(), headers);
  }

  private RouteBytes bytesOf(ProductRoute route) {
    RouteBytes known = routeBytes.get(route.productId());
    if (known == null || known.route() != route) {
      known = RouteBytes.of(route);
      routeBytes.put(route.productId(), known);
    }
    return known;
  }

  private static byte[] sourcePrefix(String topic, int partition) {
    return utf8(topic + "/" + partition + "/");
  }

  /** {@code prefix} followed by the decimal digits of {@code value}, without an interim String. */
  static byte[] withDigits(byte[] prefix, long value) {
    if (value < 0) {
      byte[] digits = utf8(Long.toString(value));
      byte[] out = Arrays.copyOf(prefix, prefix.length + digits.length);
      System.arraycopy(digits, 0, out, prefix.length, digits.length);
      return out;
    }
    int count = 1;
    for (long v = value; v >= 10; v /= 10) {
      count++;
    }
    byte[] out = Arrays.copyOf(prefix, prefix.length + count);
    for (int i = out.length - 1; i >= prefix.length; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return out;
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
