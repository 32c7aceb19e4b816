package dev.datamesh.quality.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The quality topology's binary value formats (repartition topic and stores): a version byte, then
 * the fields, with the field encodings they share. Values written as JSON by earlier versions
 * (first byte {@code '{'}) are still read, so state and changelogs of a running deployment carry
 * over. Thread-safe.
 */
final class BinaryFields {
  private BinaryFields() {}

  /** Writes the fields of one value. */
  interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  /** Reads the fields of one value. */
  interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** A serde of one versioned binary format; nulls pass through as nulls. */
  static <T> Serde<T> serde(Function<T, byte[]> write, Function<byte[], T> read) {
    Serializer<T> serializer = (topic, value) -> value == null ? null : write.apply(value);
    Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : read.apply(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** {@code version}, then what {@code fields} writes. */
  static <T> byte[] write(T value, byte version, int sizeHint, Writer<T> fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(version);
      fields.write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * The value in {@code bytes}: JSON of an earlier version as {@code legacy}, else {@code version}
   * followed by what {@code fields} reads. Anything else is a {@link SerializationException} naming
   * {@code what}.
   */
  static <T> T read(byte[] bytes, String what, byte version, Class<T> legacy, Reader<T> fields) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return QualityJson.read(bytes, legacy);
    }
    if (bytes.length == 0 || bytes[0] != version) {
      throw new SerializationException(
          "unknown " + what + " format version " + (bytes.length == 0 ? "(empty)" : bytes[0]));
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
      return fields.read(in);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("not a valid " + what, e);
    }
  }

  static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeText(out, value);
    }
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readText(in) : null;
  }

  static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeText(out, value);
    }
  }

  static List<String> readList(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readText(in));
    }
    return values;
  }

  /** Length-prefixed UTF-8 (key values may exceed writeUTF's 64 KiB). */
  static void writeText(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("text length " + length + " exceeds the value");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
