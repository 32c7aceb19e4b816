package dev.datamesh.cli;

import picocli.CommandLine;

/** Entry point of {@code ./mesh} ({@code java -jar mesh-cli/target/mesh.jar}). */
public final class MeshMain {

  private MeshMain() {}

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured picocli command line; tests run commands through it. */
  static CommandLine newCommandLine() {
    return new CommandLine(new MeshCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
