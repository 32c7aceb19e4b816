package dev.datamesh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command failed for a reason the user can act on (a service is unreachable, a product is
 * unknown). {@link MeshMain} prints the message alone, without a stack trace, and exits with 1.
 */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message);
  }

  /** The text of {@code file}, or a failure naming it when it cannot be read. */
  static String readText(Path file) {
    try {
      if (Files.isReadable(file)) {
        return Files.readString(file);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CliFailure("Cannot read " + file + ": " + e.getMessage());
    }
    throw new CliFailure("Cannot read " + file + ": no such readable file");
  }
}
