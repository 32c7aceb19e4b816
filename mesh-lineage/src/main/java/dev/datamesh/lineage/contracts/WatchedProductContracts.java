package dev.datamesh.lineage.contracts;

import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Contracts kept current by a {@link ContractWatcher} polling the registry. */
final class WatchedProductContracts implements ProductContracts {
  private final ContractCatalog catalog;
  private final Duration interval;
  private final Map<String, RegisteredContract> contracts = new ConcurrentHashMap<>();
  private volatile ContractWatcher watcher;

  WatchedProductContracts(ContractCatalog catalog, Duration interval) {
    this.catalog = catalog;
    this.interval = interval;
  }

  @Override
  public synchronized void start(ContractWatcher.Listener listener) {
    if (watcher != null) {
      throw new IllegalStateException("already started");
    }
    watcher =
        ContractWatcher.start(
            catalog,
            new ContractWatcher.Listener() {
              @Override
              public void onContract(RegisteredContract contract) {
                contracts.put(contract.productId(), contract);
                listener.onContract(contract);
              }

              @Override
              public void onRemoved(String productId) {
                contracts.remove(productId);
                listener.onRemoved(productId);
              }
            },
            interval);
  }

  @Override
  public Map<String, RegisteredContract> current() {
    return Map.copyOf(contracts);
  }

  @Override
  public boolean healthy() {
    ContractWatcher w = watcher;
    return w != null && w.isHealthy();
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
    }
    catalog.close();
  }
}
