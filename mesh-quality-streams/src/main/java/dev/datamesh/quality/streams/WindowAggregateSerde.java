package dev.datamesh.quality.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * The windows store's value format: a compact binary {@link WindowAggregate} (version byte {@code
 * 1}, then the fields in order, {@link BinaryFields}). An open window is written once per record it counts, and Jackson
 * writing it was the largest cost of the quality thread once reads were cached. Values stored as
 * JSON by earlier versions (first byte {@code '{'}) are still read, so state and changelogs of a
 * running deployment carry over. Thread-safe.
 */
final class WindowAggregateSerde {
  private static final byte VERSION = 1;

  private WindowAggregateSerde() {}

  static Serde<WindowAggregate> serde() {
    return BinaryFields.serde(WindowAggregateSerde::write, WindowAggregateSerde::read);
  }

  static byte[] write(WindowAggregate w) {
    return BinaryFields.write(w, VERSION, 256, WindowAggregateSerde::writeFields);
  }

  static WindowAggregate read(byte[] bytes) {
    return BinaryFields.read(
        bytes,
        "window aggregate",
        VERSION,
        WindowAggregate.class,
        WindowAggregateSerde::readFields);
  }

  private static void writeFields(WindowAggregate w, DataOutputStream out) throws IOException {
    BinaryFields.writeNullable(out, w.productId);
    out.writeLong(w.start);
    out.writeLong(w.size);
    BinaryFields.writeNullable(out, w.contractVersion);
    out.writeLong(w.records);
    out.writeLong(w.deadLetters);
    out.writeLong(w.undecodable);
    out.writeLong(w.duplicates);
    writeCounts(out, w.deadLettersByCode);
    writeCounts(out, w.nullCounts);
    writeCounts(out, w.ruleViolations);
    out.writeLong(w.lag.measured);
    out.writeLong(w.lag.max);
    out.writeLong(w.lag.overSla);
    // sparse: most of the ~25 lag buckets of a window are empty
    long[] counts = w.lag.counts;
    out.writeInt((int) Arrays.stream(counts).filter(c -> c != 0).count());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        out.writeByte(i);
        out.writeLong(counts[i]);
      }
    }
  }

  private static WindowAggregate readFields(DataInputStream in) throws IOException {
    WindowAggregate w = new WindowAggregate();
    w.productId = BinaryFields.readNullable(in);
    w.start = in.readLong();
    w.size = in.readLong();
    w.contractVersion = BinaryFields.readNullable(in);
    w.records = in.readLong();
    w.deadLetters = in.readLong();
    w.undecodable = in.readLong();
    w.duplicates = in.readLong();
    readCounts(in, w.deadLettersByCode);
    readCounts(in, w.nullCounts);
    readCounts(in, w.ruleViolations);
    w.lag.measured = in.readLong();
    w.lag.max = in.readLong();
    w.lag.overSla = in.readLong();
    int filled = in.readInt();
    for (int i = 0; i < filled; i++) {
      int bucket = in.readUnsignedByte();
      if (bucket >= w.lag.counts.length) {
        throw new IOException("lag bucket " + bucket + " does not exist");
      }
      w.lag.counts[bucket] = in.readLong();
    }
    return w;
  }

  private static void writeCounts(DataOutputStream out, Map<String, Long> counts)
      throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      BinaryFields.writeText(out, e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static void readCounts(DataInputStream in, Map<String, Long> into) throws IOException {
    int size = in.readInt();
    if (size < 0 || size > in.available()) {
      throw new IOException("count map of " + size + " entries exceeds the value");
    }
    for (int i = 0; i < size; i++) {
      into.put(BinaryFields.readText(in), in.readLong());
    }
  }
}
