package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SourceOffsetTest {

  @Test
  void textAndParseAreInverse() {
    SourceOffset source = new SourceOffset("shop.orders.raw", 5, 123_456_789_012L);

    assertThat(source.text()).isEqualTo("shop.orders.raw/5/123456789012");
    assertThat(SourceOffset.parse(source.text())).contains(source);
    assertThat(source).hasToString("shop.orders.raw:5@123456789012");
  }

  @Test
  void textOfAnotherShapeIsNotASource() {
    assertThat(SourceOffset.parse("-1")).isEmpty();
    assertThat(SourceOffset.parse("topic/5")).isEmpty();
    assertThat(SourceOffset.parse("/5/7")).isEmpty();
    assertThat(SourceOffset.parse("topic/five/7")).isEmpty();
    assertThat(SourceOffset.parse("topic/5/")).isEmpty();
  }

  @Test
  void theGatewaysHeaderWinsOverAForgedOneBeforeIt() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(MeshHeaders.SOURCE_OFFSET, bytes("-1"));
    headers.add(MeshHeaders.SOURCE_OFFSET, bytes("orders.raw/2/40"));

    assertThat(SourceOffset.of(headers)).contains(new SourceOffset("orders.raw", 2, 40));
  }

  @Test
  void deadLettersOfOlderGatewaysAreReadFromTheirThreeHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SourceOffset.LEGACY_TOPIC, bytes("orders.raw"));
    headers.add(SourceOffset.LEGACY_PARTITION, bytes("3"));
    headers.add(MeshHeaders.SOURCE_OFFSET, bytes("41"));

    assertThat(SourceOffset.of(headers)).contains(new SourceOffset("orders.raw", 3, 41));
  }

  @Test
  void aRecordWithoutSourceHeadersHasNoSource() {
    RecordHeaders forged = new RecordHeaders();
    forged.add(MeshHeaders.SOURCE_OFFSET, bytes("-1"));

    assertThat(SourceOffset.of(new RecordHeaders())).isEmpty();
    assertThat(SourceOffset.of(forged)).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
