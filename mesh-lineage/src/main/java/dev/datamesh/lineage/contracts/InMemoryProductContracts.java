package dev.datamesh.lineage.contracts;

import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Contracts held in memory; changes reach the listener on the caller's thread, serialised. */
final class InMemoryProductContracts implements MutableProductContracts {
  private final Map<String, RegisteredContract> contracts = new ConcurrentHashMap<>();
  private ContractWatcher.Listener listener;

  @Override
  public synchronized void start(ContractWatcher.Listener listener) {
    this.listener = listener;
    contracts.values().forEach(listener::onContract);
  }

  @Override
  public synchronized void put(RegisteredContract contract) {
    contracts.put(contract.productId(), contract);
    if (listener != null) {
      listener.onContract(contract);
    }
  }

  @Override
  public synchronized void remove(String productId) {
    if (contracts.remove(productId) != null && listener != null) {
      listener.onRemoved(productId);
    }
  }

  @Override
  public Map<String, RegisteredContract> current() {
    return Map.copyOf(contracts);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
