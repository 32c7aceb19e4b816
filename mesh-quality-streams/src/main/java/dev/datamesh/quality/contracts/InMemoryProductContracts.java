package dev.datamesh.quality.contracts;

import dev.datamesh.contracts.DataContract;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Contracts in a concurrent map, keyed by product id. */
final class InMemoryProductContracts implements MutableProductContracts {
  private final Map<String, DataContract> byProduct = new ConcurrentHashMap<>();

  @Override
  public Optional<DataContract> contract(String productId) {
    return Optional.ofNullable(byProduct.get(productId));
  }

  @Override
  public Collection<DataContract> all() {
    return List.copyOf(byProduct.values());
  }

  @Override
  public void put(DataContract contract) {
    byProduct.put(contract.productId().toString(), contract);
  }

  @Override
  public void remove(String productId) {
    byProduct.remove(productId);
  }
}
