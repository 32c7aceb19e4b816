package dev.datamesh.lineage.contracts;

import dev.datamesh.contracts.client.RegisteredContract;

/** {@link ProductContracts} changed by hand: {@link #put} registers or evolves, {@link #remove}. */
public interface MutableProductContracts extends ProductContracts {

  /** Registers (or replaces) the product's contract and tells the listener, if started. */
  void put(RegisteredContract contract);

  /** Forgets the product and tells the listener, if started. */
  void remove(String productId);
}
