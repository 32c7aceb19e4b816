package dev.datamesh.contracts.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads data contracts from the registry's contracts API ({@code GET /contracts}, {@code GET
 * /contracts/{productId}}). Services use it to learn which products exist and what their current
 * contract says.
 *
 * <p>Thread-safe. Errors: {@link ContractCatalogException} when the registry cannot be reached or
 * answers with an error or a document that does not load as a contract.
 */
public interface ContractCatalog extends AutoCloseable {

  /** A client of the registry at {@code registryUrl}, sending {@code token} as a bearer token. */
  static ContractCatalog http(URI registryUrl, Optional<String> token, Duration timeout) {
    return new HttpContractCatalog(registryUrl, token, timeout);
  }

  /** The current contract of every product. */
  List<ContractSummary> list();

  /** The current contract of one product; empty if the registry has none. */
  Optional<RegisteredContract> get(String productId);

  @Override
  void close();
}
