package dev.datamesh.contracts.serde;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Confluent wire format for Avro record keys and values.
 *
 * <p>Prefix form (the default of every Confluent-compatible serializer): byte 0 is the magic byte
 * {@code 0x00}, bytes 1–4 the schema id as a signed big-endian int32, then the Avro binary encoding
 * of the datum with that (writer) schema, without any container header.
 *
 * <p>Also read (Confluent Platform 8 and later, opt-in on producers): a {@code __value_schema_id}
 * or {@code __key_schema_id} header holding {@code 0x01} + a 16-byte schema GUID (UUID most then
 * least significant bits), the value then being the bare Avro payload; and the same {@code 0x01} +
 * GUID used as a prefix.
 *
 * <p>Stateless and thread-safe. {@code unframe} never throws on bad bytes and never copies the
 * payload; it is meant to run once per record.
 */
public final class WireFormat {

  /** Magic byte of the id prefix. */
  public static final byte MAGIC_BYTE = 0x00;

  /** Magic byte of the GUID forms (header value or prefix). */
  public static final byte MAGIC_BYTE_GUID = 0x01;

  /** Length of the id prefix: magic byte + 4-byte id. */
  public static final int PREFIX_LENGTH = 5;

  /** Length of the GUID form: magic byte + 16-byte GUID. */
  public static final int GUID_PREFIX_LENGTH = 17;

  /** Header carrying the value's schema GUID when the producer chose the header form. */
  public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";

  /** Header carrying the key's schema GUID when the producer chose the header form. */
  public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";

  private WireFormat() {}

  /**
   * Frames an Avro payload: {@code 0x00}, {@code schemaId} big-endian, the payload.
   *
   * @throws IllegalArgumentException if {@code schemaId} is not positive (a caller bug)
   */
  public static byte[] frame(int schemaId, byte[] payload) {
    byte[] framed = new byte[PREFIX_LENGTH + payload.length];
    writePrefix(framed, schemaId);
    System.arraycopy(payload, 0, framed, PREFIX_LENGTH, payload.length);
    return framed;
  }

  /**
   * Writes the 5-byte prefix into {@code target[0..4]}.
   *
   * @throws IllegalArgumentException if {@code schemaId} is not positive (a caller bug)
   */
  public static void writePrefix(byte[] target, int schemaId) {
    if (schemaId <= 0) {
      throw new IllegalArgumentException("schema ids are positive, got " + schemaId);
    }
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }

  /** Unframes a whole array; see {@link #unframe(byte[], int, int)}. */
  public static UnframeResult unframe(byte[] data) {
    return data == null ? empty() : unframe(data, 0, data.length);
  }

  /**
   * Unframes a buffer's remaining bytes without consuming them. A heap buffer is not copied; a
   * direct buffer is copied once, since the result refers to an array.
   */
  public static UnframeResult unframe(ByteBuffer data) {
    if (data == null || !data.hasRemaining()) {
      return empty();
    }
    if (data.hasArray()) {
      return unframe(data.array(), data.arrayOffset() + data.position(), data.remaining());
    }
    byte[] copy = new byte[data.remaining()];
    data.duplicate().get(copy);
    return unframe(copy, 0, copy.length);
  }

  /**
   * Unframes {@code length} bytes of {@code data} from {@code offset} in the prefix forms ({@code
   * 0x00} + id, or {@code 0x01} + GUID).
   */
  public static UnframeResult unframe(byte[] data, int offset, int length) {
    if (data == null || length == 0) {
      return empty();
    }
    byte magic = data[offset];
    if (magic == MAGIC_BYTE) {
      return unframeId(data, offset, length);
    }
    if (magic == MAGIC_BYTE_GUID) {
      return unframeGuidPrefix(data, offset, length);
    }
    return new UnframeResult.Malformed(
        WireFormatError.BAD_MAGIC_BYTE,
        String.format(
            "unknown magic byte 0x%02x: not Confluent-framed (0x00 + schema id)", magic & 0xff));
  }

  /**
   * Unframes a record value or key, honouring the schema-id header of the Confluent header form
   * when present ({@code __key_schema_id} if {@code isKey}, else {@code __value_schema_id}); then
   * the whole of {@code data} is the payload. Without the header this is {@link #unframe(byte[])}.
   */
  public static UnframeResult unframe(byte[] data, Headers headers, boolean isKey) {
    Header header =
        headers == null
            ? null
            : headers.lastHeader(isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER);
    if (header == null) {
      return unframe(data);
    }
    byte[] id = header.value();
    if (id == null || id.length != GUID_PREFIX_LENGTH || id[0] != MAGIC_BYTE_GUID) {
      return new UnframeResult.Malformed(
          WireFormatError.BAD_SCHEMA_ID_HEADER,
          "header " + header.key() + " must be 0x01 followed by a 16-byte schema GUID");
    }
    byte[] payload = data == null ? new byte[0] : data;
    return new UnframeResult.Framed(0, guidAt(id, 1), payload, 0, payload.length);
  }

  private static UnframeResult unframeId(byte[] data, int offset, int length) {
    if (length < PREFIX_LENGTH) {
      return new UnframeResult.Malformed(
          WireFormatError.TRUNCATED,
          "only " + length + " bytes; the schema id prefix needs " + PREFIX_LENGTH);
    }
    int id =
        ((data[offset + 1] & 0xff) << 24)
            | ((data[offset + 2] & 0xff) << 16)
            | ((data[offset + 3] & 0xff) << 8)
            | (data[offset + 4] & 0xff);
    if (id <= 0) {
      return new UnframeResult.Malformed(
          WireFormatError.INVALID_SCHEMA_ID, "schema id " + id + " is not positive");
    }
    return new UnframeResult.Framed(id, null, data, offset + PREFIX_LENGTH, length - PREFIX_LENGTH);
  }

  private static UnframeResult unframeGuidPrefix(byte[] data, int offset, int length) {
    if (length < GUID_PREFIX_LENGTH) {
      return new UnframeResult.Malformed(
          WireFormatError.TRUNCATED,
          "only " + length + " bytes; the schema GUID prefix needs " + GUID_PREFIX_LENGTH);
    }
    return new UnframeResult.Framed(
        0,
        guidAt(data, offset + 1),
        data,
        offset + GUID_PREFIX_LENGTH,
        length - GUID_PREFIX_LENGTH);
  }

  private static UUID guidAt(byte[] data, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(data, offset, 16);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static UnframeResult empty() {
    return EMPTY;
  }

  private static final UnframeResult EMPTY =
      new UnframeResult.Malformed(
          WireFormatError.EMPTY, "no bytes where a framed record was expected");
}
