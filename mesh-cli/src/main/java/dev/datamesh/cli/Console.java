package dev.datamesh.cli;

import java.io.PrintWriter;
import java.util.List;

/** Human-readable command output: aligned fields, colour only on a terminal. */
final class Console {
  private static final boolean COLOUR =
      System.console() != null && System.getenv("NO_COLOR") == null;

  private final PrintWriter out;

  Console(PrintWriter out) {
    this.out = out;
  }

  void progress(String message) {
    line(paint("36", "» ") + message);
  }

  void ok(String message) {
    line(paint("32", "✔ ") + message);
  }

  void field(String name, String value) {
    line(String.format("  %-12s %s", name, value));
  }

  /** Rows under a header, columns padded to their widest cell. */
  void table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (List<String> row : concat(header, rows)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : concat(header, rows)) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        text.append(
            i + 1 < row.size() ? String.format("%-" + widths[i] + "s  ", row.get(i)) : row.get(i));
      }
      line(text.toString().stripTrailing());
    }
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream())
        .toList();
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  private static String paint(String code, String text) {
    return COLOUR ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
