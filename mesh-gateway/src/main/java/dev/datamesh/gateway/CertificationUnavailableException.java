package dev.datamesh.gateway;

/**
 * A {@link RecordCertifier} cannot decide now because something it needs (the registry) is
 * unavailable. The gateway retries the whole batch later; the record is neither certified nor
 * dead-lettered.
 */
public final class CertificationUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CertificationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
