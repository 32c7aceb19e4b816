package dev.datamesh.cli;

/**
 * A command failed for a reason the user can act on (a service is unreachable, a product is
 * unknown). {@link MeshMain} prints the message alone, without a stack trace, and exits with 1.
 */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message);
  }
}
