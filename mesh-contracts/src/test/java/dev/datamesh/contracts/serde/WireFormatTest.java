package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void frameWritesMagicByteThenBigEndianIdThenPayload() {
    byte[] framed = WireFormat.frame(0x01020304, new byte[] {9, 8});

    assertThat(framed).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 9, 8);
  }

  @Test
  void frameRejectsNonPositiveIds() {
    assertThatThrownBy(() -> WireFormat.frame(0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unframeGivesIdAndPayloadPositionWithoutCopying() {
    byte[] data = {0x00, 0x7f, (byte) 0xff, 0x00, 0x01, 42, 43};

    UnframeResult result = WireFormat.unframe(data);

    assertThat(result).isInstanceOf(UnframeResult.Framed.class);
    UnframeResult.Framed framed = (UnframeResult.Framed) result;
    assertThat(framed.schemaId()).isEqualTo(0x7fff0001);
    assertThat(framed.byGuid()).isFalse();
    assertThat(framed.buffer()).isSameAs(data);
    assertThat(framed.payloadOffset()).isEqualTo(5);
    assertThat(framed.payloadLength()).isEqualTo(2);
    ByteBuffer payload = framed.payload();
    assertThat(payload.remaining()).isEqualTo(2);
    assertThat(payload.get(0)).isEqualTo((byte) 42);
  }

  @Test
  void unframeAcceptsAnEmptyPayloadAfterTheId() {
    UnframeResult result = WireFormat.unframe(new byte[] {0, 0, 0, 0, 7});

    assertThat(result)
        .isEqualTo(
            new UnframeResult.Framed(7, null, ((UnframeResult.Framed) result).buffer(), 5, 0));
  }

  @Test
  void unframeReadsASliceOfALargerArray() {
    byte[] data = {99, 99, 0, 0, 0, 0, 5, 1, 2, 3, 99};

    UnframeResult.Framed framed = (UnframeResult.Framed) WireFormat.unframe(data, 2, 8);

    assertThat(framed.schemaId()).isEqualTo(5);
    assertThat(framed.payloadOffset()).isEqualTo(7);
    assertThat(framed.payloadLength()).isEqualTo(3);
  }

  @Test
  void unframeOfAHeapByteBufferUsesItsBackingArrayAndPosition() {
    byte[] data = {99, 0, 0, 0, 0, 5, 1, 2};
    ByteBuffer buffer = ByteBuffer.wrap(data);
    buffer.position(1);

    UnframeResult.Framed framed = (UnframeResult.Framed) WireFormat.unframe(buffer);

    assertThat(framed.buffer()).isSameAs(data);
    assertThat(framed.schemaId()).isEqualTo(5);
    assertThat(framed.payloadOffset()).isEqualTo(6);
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void nullOrEmptyBytesAreEmpty() {
    assertThat(error(WireFormat.unframe((byte[]) null))).isEqualTo(WireFormatError.EMPTY);
    assertThat(error(WireFormat.unframe(new byte[0]))).isEqualTo(WireFormatError.EMPTY);
    assertThat(error(WireFormat.unframe(ByteBuffer.allocate(0)))).isEqualTo(WireFormatError.EMPTY);
  }

  @Test
  void fewerThanFiveBytesAreTruncated() {
    UnframeResult result = WireFormat.unframe(new byte[] {0, 0, 0, 1});

    assertThat(error(result)).isEqualTo(WireFormatError.TRUNCATED);
    assertThat(((UnframeResult.Malformed) result).message()).contains("4 bytes");
  }

  @Test
  void jsonTextHasABadMagicByte() {
    UnframeResult result = WireFormat.unframe("{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(error(result)).isEqualTo(WireFormatError.BAD_MAGIC_BYTE);
    assertThat(((UnframeResult.Malformed) result).message()).contains("0x7b");
  }

  @Test
  void zeroAndNegativeIdsAreInvalid() {
    assertThat(error(WireFormat.unframe(new byte[] {0, 0, 0, 0, 0, 1})))
        .isEqualTo(WireFormatError.INVALID_SCHEMA_ID);
    assertThat(error(WireFormat.unframe(new byte[] {0, (byte) 0x80, 0, 0, 0})))
        .isEqualTo(WireFormatError.INVALID_SCHEMA_ID);
  }

  @Test
  void guidPrefixGivesTheGuidAndThePayloadAfterIt() {
    UUID guid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(19);
    bytes
        .put((byte) 1)
        .putLong(guid.getMostSignificantBits())
        .putLong(guid.getLeastSignificantBits());
    bytes.put((byte) 7).put((byte) 8);

    UnframeResult.Framed framed = (UnframeResult.Framed) WireFormat.unframe(bytes.array());

    assertThat(framed.byGuid()).isTrue();
    assertThat(framed.schemaGuid()).isEqualTo(guid);
    assertThat(framed.schemaId()).isZero();
    assertThat(framed.payloadOffset()).isEqualTo(17);
    assertThat(framed.payloadLength()).isEqualTo(2);
  }

  @Test
  void shortGuidPrefixIsTruncated() {
    assertThat(error(WireFormat.unframe(new byte[] {1, 2, 3, 4, 5, 6})))
        .isEqualTo(WireFormatError.TRUNCATED);
  }

  @Test
  void valueSchemaIdHeaderMakesTheWholeValueThePayload() {
    UUID guid = UUID.randomUUID();
    RecordHeaders headers = new RecordHeaders();
    headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, guidHeader(guid));
    byte[] value = {0, 1, 2};

    UnframeResult.Framed framed = (UnframeResult.Framed) WireFormat.unframe(value, headers, false);

    assertThat(framed.schemaGuid()).isEqualTo(guid);
    assertThat(framed.payloadOffset()).isZero();
    assertThat(framed.payloadLength()).isEqualTo(3);
  }

  @Test
  void keyHeaderIsIgnoredForValuesAndPrefixFramingApplies() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(WireFormat.KEY_SCHEMA_ID_HEADER, guidHeader(UUID.randomUUID()));

    UnframeResult.Framed framed =
        (UnframeResult.Framed) WireFormat.unframe(new byte[] {0, 0, 0, 0, 3, 1}, headers, false);

    assertThat(framed.schemaId()).isEqualTo(3);
  }

  @Test
  void malformedSchemaIdHeaderIsReported() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(WireFormat.KEY_SCHEMA_ID_HEADER, new byte[] {1, 2, 3});

    assertThat(error(WireFormat.unframe(new byte[] {0, 0, 0, 0, 3}, headers, true)))
        .isEqualTo(WireFormatError.BAD_SCHEMA_ID_HEADER);
  }

  private static byte[] guidHeader(UUID guid) {
    return ByteBuffer.allocate(17)
        .put((byte) 1)
        .putLong(guid.getMostSignificantBits())
        .putLong(guid.getLeastSignificantBits())
        .array();
  }

  private static WireFormatError error(UnframeResult result) {
    assertThat(result).isInstanceOf(UnframeResult.Malformed.class);
    return ((UnframeResult.Malformed) result).error();
  }
}
