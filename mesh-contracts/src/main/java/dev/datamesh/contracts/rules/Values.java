package dev.datamesh.contracts.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericFixed;

/** Reading Avro values the same way whatever their representation. */
final class Values {

  private static final int SHOWN_CHARS = 64;

  private Values() {}

  /** The text of a string-like value ({@code Utf8} caches its String); null for others. */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof CharSequence
        || value instanceof org.apache.avro.generic.GenericEnumSymbol) {
      return value.toString();
    }
    return null;
  }

  /** A decimal value as BigDecimal ({@code scale} applies to byte / fixed encodings). */
  static BigDecimal decimal(Object value, int scale) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return new BigDecimal(new BigInteger(bytes), scale);
    }
    if (value instanceof GenericFixed fixed) {
      return new BigDecimal(new BigInteger(fixed.bytes()), scale);
    }
    return null;
  }

  /** The two's-complement big-endian integer in a buffer of at most 8 bytes (not consumed). */
  static long unscaledLong(ByteBuffer buffer) {
    int start = buffer.position();
    int length = buffer.remaining();
    if (length == 0) {
      return 0;
    }
    long value = buffer.get(start); // sign-extends the first byte
    for (int i = 1; i < length; i++) {
      value = (value << 8) | (buffer.get(start + i) & 0xFF);
    }
    return value;
  }

  /** A value for a message, shortened; or a placeholder for classified fields. */
  static String shown(Object value, boolean showValues) {
    if (!showValues) {
      return "(value hidden: classified field)";
    }
    String text = String.valueOf(value);
    return "'"
        + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text)
        + "'";
  }
}
