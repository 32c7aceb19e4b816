package dev.datamesh.cli;

import java.io.PrintWriter;

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

  void line(String text) {
    out.println(text);
    out.flush();
  }

  private static String paint(String code, String text) {
    return COLOUR ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
