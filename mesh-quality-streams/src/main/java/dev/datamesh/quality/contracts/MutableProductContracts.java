package dev.datamesh.quality.contracts;

import dev.datamesh.contracts.DataContract;

/** {@link ProductContracts} that callers update; thread-safe. */
public interface MutableProductContracts extends ProductContracts {

  /** Adds or replaces the product's contract. */
  void put(DataContract contract);

  /** Forgets the product. */
  void remove(String productId);
}
