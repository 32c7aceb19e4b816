package dev.datamesh.lineage.contracts;

import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import java.time.Duration;
import java.util.Map;

/**
 * Where the lineage service learns the products and their current contracts: the registry in
 * production ({@link #watching}), a fixed set in tests ({@link #inMemory}).
 *
 * <p>Threading: {@link #current()} is safe from any thread and never blocks on I/O. The listener
 * given to {@link #start} is called from one thread at a time, in the order changes were seen.
 */
public interface ProductContracts extends AutoCloseable {

  /** Starts delivering changes (every current contract first). Call once. */
  void start(ContractWatcher.Listener listener);

  /** The current contract of every known product, by product id (a snapshot). */
  Map<String, RegisteredContract> current();

  /** False while the source could not be read (e.g. the registry is unreachable). */
  boolean healthy();

  @Override
  void close();

  /**
   * Contracts from the registry's contracts API, polled every {@code interval} by a {@link
   * ContractWatcher}. {@link #close()} stops polling and closes {@code catalog}.
   */
  static ProductContracts watching(ContractCatalog catalog, Duration interval) {
    return new WatchedProductContracts(catalog, interval);
  }

  /** An empty, mutable set of contracts: for tests and embedding. */
  static MutableProductContracts inMemory() {
    return new InMemoryProductContracts();
  }
}
