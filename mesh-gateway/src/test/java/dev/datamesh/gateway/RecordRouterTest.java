package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordRouterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:15:30.123Z"), ZoneOffset.UTC);
  private static final RecordCertifier ANY = r -> Verdict.unchanged(r.value());

  private final RecordRouter router = new RecordRouter(CLOCK, topic -> 6);

  @Test
  void certifiedRecordKeepsRawKeyPartitionTimestampAndHeadersAndAddsTheMeshHeaders() {
    ProductRoute route = route("1.0.0");
    ProducerRecord<byte[], byte[]> out =
        router.route(route, raw("orders.placed.raw", 3, 41), Verdict.unchanged(bytes("v")));

    assertThat(out.topic()).isEqualTo("orders.placed.certified");
    assertThat(out.partition()).isEqualTo(3);
    assertThat(out.timestamp()).isEqualTo(1_000L);
    assertThat(out.key()).isEqualTo(bytes("k"));
    assertThat(out.value()).isEqualTo(bytes("v"));
    assertThat(names(out)).startsWith("trace-id");
    assertThat(text(out, "trace-id")).isEqualTo("abc");
    assertThat(text(out, MeshHeaders.CONTRACT_ID)).isEqualTo("orders-placed");
    assertThat(text(out, MeshHeaders.CONTRACT_VERSION)).isEqualTo("1.0.0");
    assertThat(text(out, MeshHeaders.CERTIFIED_AT)).isEqualTo("2026-11-21T10:15:30.123Z");
    assertThat(text(out, MeshHeaders.SOURCE_OFFSET)).isEqualTo("orders.placed.raw/3/41");
    assertThat(names(out))
        .containsExactly(
            "trace-id",
            MeshHeaders.CONTRACT_ID,
            MeshHeaders.CONTRACT_VERSION,
            MeshHeaders.CERTIFIED_AT,
            MeshHeaders.SOURCE_OFFSET);
  }

  @Test
  void aNewRouteOfTheSameProductStampsItsOwnVersion() {
    router.route(route("1.0.0"), raw("orders.placed.raw", 0, 1), Verdict.unchanged(bytes("v")));

    ProducerRecord<byte[], byte[]> out =
        router.route(route("1.1.0"), raw("orders.placed.raw", 0, 2), Verdict.unchanged(bytes("v")));

    assertThat(text(out, MeshHeaders.CONTRACT_VERSION)).isEqualTo("1.1.0");
  }

  @Test
  void headersTheCertifierAddsComeAfterTheMeshHeadersAndLargePartitionsAreSpelledOut() {
    Verdict.Certify verdict =
        new Verdict.Certify(
            bytes("v"), List.of(new RecordHeader("mesh.masked", bytes("/customerEmail"))));
    ProducerRecord<byte[], byte[]> out =
        new RecordRouter(CLOCK, topic -> 1000)
            .route(route("1.0.0"), raw("orders.placed.raw", 700, 9_876_543_210L), verdict);

    assertThat(names(out)).endsWith("mesh.masked");
    assertThat(text(out, MeshHeaders.SOURCE_OFFSET)).isEqualTo("orders.placed.raw/700/9876543210");
  }

  @Test
  void theSourceNamesTheTopicTheRecordWasReadFromAndEveryOffsetDigit() {
    ProducerRecord<byte[], byte[]> first =
        router.route(route("1.0.0"), raw("orders.placed.raw", 0, 0), Verdict.unchanged(bytes("v")));
    ProducerRecord<byte[], byte[]> other =
        router.route(
            route("1.0.0"), raw("legacy.orders", 1, Long.MAX_VALUE), Verdict.unchanged(bytes("v")));

    assertThat(text(first, MeshHeaders.SOURCE_OFFSET)).isEqualTo("orders.placed.raw/0/0");
    assertThat(text(other, MeshHeaders.SOURCE_OFFSET))
        .isEqualTo("legacy.orders/1/" + Long.MAX_VALUE);
    assertThat(SourceOffset.of(other.headers()))
        .contains(new SourceOffset("legacy.orders", 1, Long.MAX_VALUE));
  }

  @Test
  void aCertifiedTopicWithFewerPartitionsIsWrittenByKey() {
    ProducerRecord<byte[], byte[]> out =
        new RecordRouter(CLOCK, topic -> 2)
            .route(route("1.0.0"), raw("orders.placed.raw", 5, 0), Verdict.unchanged(bytes("v")));

    assertThat(out.partition()).isNull();
  }

  @Test
  void deadLetterKeepsTheOriginalBytesAndSaysWhy() {
    Verdict.DeadLetter dead =
        new Verdict.DeadLetter(
            GatewayErrorCode.RULE_VIOLATION, "currency XXX", "/currency", "validValues");
    ProducerRecord<byte[], byte[]> out =
        router.route(route("1.0.0"), raw("orders.placed.raw", 2, 7), dead);

    assertThat(out.topic()).isEqualTo("orders.placed.dlq");
    assertThat(out.partition()).isNull();
    assertThat(out.value()).isEqualTo(bytes("raw-value"));
    assertThat(text(out, MeshHeaders.ERROR_CODE)).isEqualTo("RULE_VIOLATION");
    assertThat(text(out, MeshHeaders.ERROR_FIELD)).isEqualTo("/currency");
    assertThat(text(out, MeshHeaders.RULE_NAME)).isEqualTo("validValues");
    assertThat(text(out, MeshHeaders.SOURCE_OFFSET)).isEqualTo("orders.placed.raw/2/7");
  }

  private static ProductRoute route(String version) {
    return new ProductRoute("orders.placed", "orders-placed", version, ANY, false);
  }

  private static ConsumerRecord<byte[], byte[]> raw(String topic, int partition, long offset) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace-id", bytes("abc"));
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        1_000L,
        TimestampType.CREATE_TIME,
        1,
        9,
        bytes("k"),
        bytes("raw-value"),
        headers,
        Optional.empty());
  }

  private static List<String> names(ProducerRecord<byte[], byte[]> record) {
    return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
  }

  private static String text(ProducerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
