package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.serde.WireFormat;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile records of every kind, shuffled among valid ones, into a product's raw
 * topic: each bad one lands in the dead-letter topic with its stable code, each good one is
 * certified, none twice, and the gateway keeps its pace.
 */
class HostileRecordsIT {
  private static final int MAX_RECORD_BYTES = 256 * 1024;
  private static final long SEED = 20261121L;

  private static TestKafka kafka;
  private static TestServices.RunningService registry;
  private static TestServices.RunningService gateway;
  private static String group;

  /** One kind of record, what the gateway must do with it, and how many of it to send. */
  private record Kind(String name, String expectedCode, int count, Function<Random, Raw> make) {}

  /** A raw record as produced. */
  private record Raw(byte[] key, byte[] value, RecordHeaders headers) {}

  @BeforeAll
  static void start() {
    kafka = TestKafka.shared();
    registry =
        TestServices.start(
            kafka,
            "registry",
            Map.of("mesh.registry.store.topic", TestTopics.unique("_mesh.contracts")));
    group = TestTopics.unique("gw-hostile");
    Map<String, Object> gw = new HashMap<>();
    gw.put("mesh.gateway.registry.url", registry.url());
    gw.put("mesh.gateway.registry.refresh", "500ms");
    gw.put("mesh.gateway.group-id", group);
    gw.put("mesh.gateway.stats-topic", TestTopics.unique("stats"));
    gw.put("mesh.gateway.max-record-bytes", MAX_RECORD_BYTES);
    gw.put("mesh.gateway.masking.hash-key", Base64.getEncoder().encodeToString(new byte[32]));
    gateway = TestServices.start(kafka, "gateway", gw);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void everyHostileRecordIsDeadLetteredWithItsCodeAndEveryGoodOneCertified() throws Exception {
    Http registryHttp = new Http(registry.url());
    OrdersProduct product =
        OrdersProduct.register(registryHttp, TestTopics.unique("hostile").replace('.', '-'));
    int foreignId = registerForeignSchema(registryHttp);
    int scale = Soak.times(1, 10);

    // Phase 1: valid records only, for the gateway's pace on clean input.
    List<Kind> clean = List.of(good(product, 3000 * scale));
    long cleanMillis = run(product, clean, new Random(SEED), null);

    // Phase 2: every kind of hostile record, shuffled among as many valid ones.
    List<Kind> kinds =
        List.of(
            good(product, 3000 * scale),
            new Kind("random-bytes", "BAD_MAGIC_BYTE", 400 * scale, r -> raw(randomBytes(r))),
            new Kind(
                "wrong-magic-byte",
                "BAD_MAGIC_BYTE",
                300 * scale,
                r -> raw(withFirstByte(product.good(r.nextInt(16)), 2 + r.nextInt(250)))),
            new Kind(
                "too-short-for-a-prefix",
                "TRUNCATED",
                200 * scale,
                r -> raw(Arrays.copyOf(new byte[] {0, 0, 0, 0}, r.nextInt(5)))),
            new Kind(
                "unknown-schema-id",
                "UNKNOWN_SCHEMA_ID",
                300 * scale,
                r -> raw(reframe(product.good(r.nextInt(16)), 1_000_000 + r.nextInt(1_000_000)))),
            new Kind(
                "foreign-schema-id",
                "SCHEMA_NOT_OF_PRODUCT",
                300 * scale,
                r -> raw(reframe(product.good(r.nextInt(16)), foreignId))),
            new Kind(
                "truncated-avro",
                "UNDECODABLE_PAYLOAD",
                300 * scale,
                r -> raw(truncate(product.good(r.nextInt(16)), r))),
            new Kind(
                "over-long-avro",
                "UNDECODABLE_PAYLOAD",
                300 * scale,
                r -> raw(extend(product.good(r.nextInt(16)), r))),
            new Kind(
                "huge-record",
                "OVERSIZED",
                20 * scale,
                r -> raw(huge(product.good(r.nextInt(16)), r))),
            new Kind("tombstone", "TOMBSTONE_NOT_ALLOWED", 300 * scale, r -> raw(null)),
            new Kind(
                "rule-violation", "RULE_VIOLATION", 300 * scale, r -> raw(product.ruleViolation())),
            new Kind(
                "null-key-good",
                null,
                300 * scale,
                r -> new Raw(null, product.good(r.nextInt(16)), new RecordHeaders())),
            new Kind(
                "null-key-tombstone",
                "TOMBSTONE_NOT_ALLOWED",
                100 * scale,
                r -> new Raw(null, null, new RecordHeaders())),
            new Kind(
                "garbage-headers-good",
                null,
                300 * scale,
                r -> new Raw(key(r), product.good(r.nextInt(16)), garbageHeaders(r))),
            new Kind(
                "garbage-headers-bad-magic",
                "BAD_MAGIC_BYTE",
                200 * scale,
                r -> new Raw(key(r), randomBytes(r), garbageHeaders(r))));
    Map<String, String> expected = new ConcurrentHashMap<>();
    long hostileMillis = run(product, kinds, new Random(SEED + 1), expected);

    Ledger ledger = Ledger.read(kafka, product.certified(), product.deadLetter());
    Map<String, String> all = new HashMap<>(expected);
    long cleanCount = clean.get(0).count();
    // the clean phase's ids are not in `expected`: they are every other certified id
    long produced = all.size() + cleanCount;
    long expectedBad = all.values().stream().filter(c -> !c.isEmpty()).count();
    List<String> wrong = new ArrayList<>();
    all.forEach(
        (id, code) -> {
          if (ledger.times(id) != 1) {
            wrong.add(id + " written " + ledger.times(id) + " times");
          } else if (code.isEmpty()
              ? !ledger.isCertified(id)
              : !ledger.deadLetterCodes(id).equals(List.of(code))) {
            wrong.add(
                id
                    + " expected "
                    + (code.isEmpty() ? "certified" : code)
                    + " got "
                    + ledger.deadLetterCodes(id));
          }
        });
    double cleanRate = cleanCount * 1000.0 / cleanMillis;
    double hostileRate = all.size() * 1000.0 / hostileMillis;
    new Figures(
            "hostile-records",
            produced,
            ledger.certifiedRecords(),
            ledger.deadLetteredRecords(),
            wrong.stream().filter(w -> w.contains("written 0")).count(),
            wrong.stream().filter(w -> w.contains("times") && !w.contains("written 0")).count(),
            0)
        .print();
    System.out.printf(
        "RELIABILITY hostile-records pace: clean %.0f records/s, hostile mix %.0f records/s%n",
        cleanRate, hostileRate);

    assertThat(wrong).as("records not handled as expected").isEmpty();
    assertThat(ledger.deadLetteredRecords()).isEqualTo(expectedBad);
    assertThat(ledger.certifiedRecords()).isEqualTo(produced - expectedBad);
    // "Never slows to a crawl": the hostile mix, mostly cheaper to judge than a valid record,
    // goes at least at a fifth of the clean pace (generous: the machine is shared).
    assertThat(hostileRate).isGreaterThan(cleanRate / 5);
    Http.Reply health = new Http(gateway.url()).get("/health");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
  }

  /** Produces the kinds shuffled, waits until the gateway committed them all; returns the ms. */
  private static long run(
      OrdersProduct product, List<Kind> kinds, Random random, Map<String, String> expected)
      throws Exception {
    List<Kind> order = new ArrayList<>();
    kinds.forEach(k -> order.addAll(Collections.nCopies(k.count(), k)));
    Collections.shuffle(order, random);
    long start = System.nanoTime();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<Kind> sentKinds = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (Kind kind : order) {
        Raw raw = kind.make().apply(random);
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    product.raw(), null, null, raw.key(), raw.value(), raw.headers())));
        sentKinds.add(kind);
      }
      producer.flush();
      for (int i = 0; i < sent.size(); i++) {
        RecordMetadata meta = sent.get(i).get();
        if (expected != null) {
          String code = sentKinds.get(i).expectedCode();
          expected.put(Ledger.id(meta.partition(), meta.offset()), code == null ? "" : code);
        }
      }
    }
    Ledger.awaitCaughtUp(kafka, group, product.raw(), Duration.ofMinutes(Soak.times(3, 20)));
    return Math.max(1, (System.nanoTime() - start) / 1_000_000);
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put("acks", "all");
    props.put("linger.ms", 5);
    props.put("max.request.size", 2 * 1024 * 1024);
    return new KafkaProducer<>(
        props,
        new org.apache.kafka.common.serialization.ByteArraySerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer());
  }

  private static Kind good(OrdersProduct product, int count) {
    return new Kind("good", null, count, r -> raw(product.good(r.nextInt(16))));
  }

  private static Raw raw(byte[] value) {
    return new Raw(
        ("k-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8), value, new RecordHeaders());
  }

  private static byte[] key(Random r) {
    return randomBytes(r);
  }

  /** 1..200 random bytes whose first byte is neither magic byte (0x00 nor 0x01). */
  private static byte[] randomBytes(Random r) {
    byte[] b = new byte[1 + r.nextInt(200)];
    r.nextBytes(b);
    b[0] = (byte) (2 + r.nextInt(250));
    return b;
  }

  private static byte[] withFirstByte(byte[] framed, int first) {
    byte[] copy = framed.clone();
    copy[0] = (byte) first;
    return copy;
  }

  private static byte[] reframe(byte[] framed, int id) {
    byte[] copy = framed.clone();
    WireFormat.writePrefix(copy, id);
    return copy;
  }

  /** The prefix and part of the Avro body: a string or number cut short. */
  private static byte[] truncate(byte[] framed, Random r) {
    int body = framed.length - WireFormat.PREFIX_LENGTH;
    return Arrays.copyOf(framed, WireFormat.PREFIX_LENGTH + r.nextInt(Math.max(1, body / 2)));
  }

  /** A valid record followed by trailing bytes the schema does not account for. */
  private static byte[] extend(byte[] framed, Random r) {
    byte[] tail = new byte[1 + r.nextInt(64)];
    r.nextBytes(tail);
    byte[] out = Arrays.copyOf(framed, framed.length + tail.length);
    System.arraycopy(tail, 0, out, framed.length, tail.length);
    return out;
  }

  /** A valid record padded past the gateway's maximum record size. */
  private static byte[] huge(byte[] framed, Random r) {
    byte[] out = Arrays.copyOf(framed, MAX_RECORD_BYTES + 1 + r.nextInt(MAX_RECORD_BYTES));
    return out;
  }

  /** Random names and values, null values, forged mesh headers and a large header. */
  private static RecordHeaders garbageHeaders(Random r) {
    RecordHeaders headers = new RecordHeaders();
    for (int i = 0; i < 1 + r.nextInt(5); i++) {
      byte[] name = new byte[1 + r.nextInt(20)];
      r.nextBytes(name);
      headers.add(new String(name, StandardCharsets.ISO_8859_1), r.nextBoolean() ? null : name);
    }
    headers.add("mesh.error.code", "FORGED".getBytes(StandardCharsets.UTF_8));
    headers.add("mesh.contract.id", new byte[] {(byte) 0xff, 0, (byte) 0xfe});
    headers.add("mesh.source.offset", "-1".getBytes(StandardCharsets.UTF_8));
    headers.add("big", new byte[8 * 1024]);
    return headers;
  }

  private static int registerForeignSchema(Http registry) {
    Schema foreign = SchemaBuilder.record("Foreign").fields().requiredString("x").endRecord();
    String body = Http.JSON.createObjectNode().put("schema", foreign.toString()).toString();
    Http.Reply r =
        registry.post(
            "/subjects/" + TestTopics.unique("foreign") + "-value/versions",
            "application/vnd.schemaregistry.v1+json",
            body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("id").asInt();
  }
}
