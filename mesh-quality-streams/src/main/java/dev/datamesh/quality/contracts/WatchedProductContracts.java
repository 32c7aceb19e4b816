package dev.datamesh.quality.contracts;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.client.ContractCatalog;
import dev.datamesh.contracts.client.ContractWatcher;
import dev.datamesh.contracts.client.RegisteredContract;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Contracts kept current by a {@link ContractWatcher} over the registry's contracts API. */
final class WatchedProductContracts implements ProductContracts, ContractWatcher.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedProductContracts.class);

  private final InMemoryProductContracts current = new InMemoryProductContracts();
  private final ContractCatalog catalog;
  private ContractWatcher watcher;

  private WatchedProductContracts(ContractCatalog catalog) {
    this.catalog = catalog;
  }

  static WatchedProductContracts start(ContractCatalog catalog, Duration interval) {
    WatchedProductContracts contracts = new WatchedProductContracts(catalog);
    contracts.watcher = ContractWatcher.start(catalog, contracts, interval);
    return contracts;
  }

  @Override
  public void onContract(RegisteredContract contract) {
    LOG.info("quality checks for {} follow contract {}", contract.productId(), contract.version());
    current.put(contract.contract());
  }

  @Override
  public void onRemoved(String productId) {
    LOG.info("no contract for {} any more: its quality checks stop", productId);
    current.remove(productId);
  }

  @Override
  public Optional<DataContract> contract(String productId) {
    return current.contract(productId);
  }

  @Override
  public Collection<DataContract> all() {
    return current.all();
  }

  @Override
  public boolean ready() {
    return watcher != null && watcher.isHealthy();
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    catalog.close();
  }
}
