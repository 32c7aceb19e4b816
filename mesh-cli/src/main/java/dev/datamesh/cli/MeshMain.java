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
    return new CommandLine(new MeshCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(MeshMain::failed);
  }

  /** A {@link CliFailure} is the user's to fix: its message alone, exit code 1. */
  private static int failed(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (e instanceof CliFailure) {
      commandLine.getErr().println(commandLine.getColorScheme().errorText(e.getMessage()));
      return 1;
    }
    throw e;
  }
}
