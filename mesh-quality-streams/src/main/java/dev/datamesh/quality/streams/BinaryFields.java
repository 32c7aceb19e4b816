package dev.datamesh.quality.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Field encodings shared by the quality topology's binary formats (repartition and stores). */
final class BinaryFields {
  private BinaryFields() {}

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
