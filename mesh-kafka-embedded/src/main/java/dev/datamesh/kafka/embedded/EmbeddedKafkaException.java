package dev.datamesh.kafka.embedded;

/** The embedded broker could not start or stop; the message says why and what to do. */
public final class EmbeddedKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddedKafkaException(String message) {
    super(message);
  }

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
