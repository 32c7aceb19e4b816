package dev.datamesh.quality.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * The repartition topic's value format: a compact binary {@link Observation} (version byte {@code
 * 1}, then the fields in order, {@link BinaryFields}), as every certified record crosses that topic
 * once and JSON (Jackson, both ways) showed in the quality topology's profile. Values written as
 * JSON by earlier versions are still read, so an upgrade with records in flight loses nothing.
 * Thread-safe.
 */
final class ObservationSerde {
  private static final byte VERSION = 1;

  private ObservationSerde() {}

  static Serde<Observation> serde() {
    return BinaryFields.serde(ObservationSerde::write, ObservationSerde::read);
  }

  static byte[] write(Observation o) {
    return BinaryFields.write(o, VERSION, 64, ObservationSerde::writeFields);
  }

  static Observation read(byte[] bytes) {
    return BinaryFields.read(
        bytes, "observation", VERSION, Observation.class, ObservationSerde::readFields);
  }

  private static void writeFields(Observation o, DataOutputStream out) throws IOException {
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
  }

  private static Observation readFields(DataInputStream in) throws IOException {
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
  }
}
