package dev.datamesh.quality.contracts;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.client.ContractCatalog;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The current contract of every known data product, as the quality topology sees it. Products are
 * known from their contracts even if they never produced a record (so silence can be detected).
 *
 * <p>Implementations are thread-safe: stream threads read while a watcher thread updates. Reads
 * never block on I/O and never throw.
 */
public interface ProductContracts extends AutoCloseable {

  /** The current contract of {@code productId}, if the product is known. */
  Optional<DataContract> contract(String productId);

  /** Every known product's current contract (a snapshot). */
  Collection<DataContract> all();

  /** False while the source could not be read yet (e.g. the registry is unreachable). */
  default boolean ready() {
    return true;
  }

  @Override
  default void close() {}

  /** A fixed set of contracts (the newest version per product wins). */
  static ProductContracts of(Collection<DataContract> contracts) {
    MutableProductContracts fixed = inMemory();
    contracts.forEach(fixed::put);
    return fixed;
  }

  /** {@link #of(Collection)} for a few contracts. */
  static ProductContracts of(DataContract... contracts) {
    return of(List.of(contracts));
  }

  /** An empty, mutable set of contracts: for embedding and tests. */
  static MutableProductContracts inMemory() {
    return new InMemoryProductContracts();
  }

  /**
   * Contracts from the registry's contracts API, polled every {@code interval} by a {@link
   * dev.datamesh.contracts.client.ContractWatcher} (first poll at once, in the background). {@link
   * #close()} stops polling and closes {@code catalog}.
   */
  static ProductContracts watching(ContractCatalog catalog, Duration interval) {
    return WatchedProductContracts.start(catalog, interval);
  }
}
