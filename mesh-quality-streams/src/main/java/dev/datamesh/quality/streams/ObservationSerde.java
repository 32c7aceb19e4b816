package dev.datamesh.quality.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
      BinaryFields.writeNullable(out, o.contractVersion());
      BinaryFields.writeList(out, o.nullFields());
      BinaryFields.writeList(out, o.violations());
      out.writeInt(o.keys().size());
      for (Map.Entry<String, String> key : o.keys().entrySet()) {
        BinaryFields.writeText(out, key.getKey());
        BinaryFields.writeText(out, key.getValue());
      }
      BinaryFields.writeNullable(out, o.errorCode());
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
      String contractVersion = BinaryFields.readNullable(in);
      List<String> nullFields = BinaryFields.readList(in);
      List<String> violations = BinaryFields.readList(in);
      int keyCount = in.readInt();
      Map<String, String> keys = new LinkedHashMap<>(keyCount * 2);
      for (int i = 0; i < keyCount; i++) {
        keys.put(BinaryFields.readText(in), BinaryFields.readText(in));
      }
      String errorCode = BinaryFields.readNullable(in);
      return new Observation(
          kind, eventTime, certifiedAt, contractVersion, nullFields, violations, keys, errorCode);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("not a valid observation", e);
    }
  }
}
