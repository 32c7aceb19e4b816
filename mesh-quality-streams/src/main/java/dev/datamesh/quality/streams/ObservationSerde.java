package dev.datamesh.quality.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The repartition topic's value format: a compact binary {@link Observation} (version byte {@code
 * 1}, then the fields in order), as every certified record crosses that topic once and JSON
 * (Jackson, both ways) showed in the quality topology's profile. Values written as JSON by earlier
 * versions (first byte {@code '{'}) are still read, so an upgrade with records in flight loses
 * nothing. Thread-safe.
 */
final class ObservationSerde {
  private static final byte VERSION = 1;

  private ObservationSerde() {}

  static Serde<Observation> serde() {
    Serializer<Observation> serializer = (topic, value) -> value == null ? null : write(value);
    Deserializer<Observation> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  static byte[] write(Observation o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(o.kind().ordinal());
      out.writeLong(o.eventTime());
      out.writeLong(o.certifiedAt());
      writeNullable(out, o.contractVersion());
      writeList(out, o.nullFields());
      writeList(out, o.violations());
      out.writeInt(o.keys().size());
      for (Map.Entry<String, String> key : o.keys().entrySet()) {
        writeText(out, key.getKey());
        writeText(out, key.getValue());
      }
      writeNullable(out, o.errorCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return bytes.toByteArray();
  }

  static Observation read(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return QualityJson.read(bytes, Observation.class);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown observation format version " + version);
      }
      Observation.Kind kind = Observation.Kind.values()[in.readByte()];
      long eventTime = in.readLong();
      long certifiedAt = in.readLong();
      String contractVersion = readNullable(in);
      List<String> nullFields = readList(in);
      List<String> violations = readList(in);
      int keyCount = in.readInt();
      Map<String, String> keys = new LinkedHashMap<>(keyCount * 2);
      for (int i = 0; i < keyCount; i++) {
        keys.put(readText(in), readText(in));
      }
      String errorCode = readNullable(in);
      return new Observation(
          kind, eventTime, certifiedAt, contractVersion, nullFields, violations, keys, errorCode);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("not a valid observation", e);
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeText(out, value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readText(in) : null;
  }

  private static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeText(out, value);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readText(in));
    }
    return values;
  }

  /** Length-prefixed UTF-8 (key values may exceed writeUTF's 64 KiB). */
  private static void writeText(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("text length " + length + " exceeds the value");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
