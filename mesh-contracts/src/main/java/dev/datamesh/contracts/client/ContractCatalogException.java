package dev.datamesh.contracts.client;

/** The registry's contracts API could not be read; the message says why. */
public final class ContractCatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContractCatalogException(String message) {
    super(message);
  }

  public ContractCatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
