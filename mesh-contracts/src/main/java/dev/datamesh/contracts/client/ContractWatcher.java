package dev.datamesh.contracts.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link ContractCatalog} and tells a listener when a product's contract appears, changes
 * version or disappears, so a service picks up contracts without a restart.
 *
 * <p>Threading: the listener is called from the watcher's single thread, never concurrently. A
 * failed poll is logged and retried at the next interval; nothing is reported as removed because
 * the registry was unreachable.
 */
public final class ContractWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContractWatcher.class);

  /** Receives contract changes. */
  public interface Listener {
    void onContract(RegisteredContract contract);

    default void onRemoved(String productId) {}
  }

  private final ContractCatalog catalog;
  private final Listener listener;
  private final Map<String, String> versions = new HashMap<>();
  private final ScheduledExecutorService executor;
  private volatile boolean lastPollOk;

  private ContractWatcher(ContractCatalog catalog, Listener listener) {
    this.catalog = catalog;
    this.listener = listener;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "contract-watcher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts polling every {@code interval}; the first poll runs at once. */
  public static ContractWatcher start(
      ContractCatalog catalog, Listener listener, Duration interval) {
    ContractWatcher watcher = new ContractWatcher(catalog, listener);
    watcher.executor.scheduleWithFixedDelay(
        watcher::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return watcher;
  }

  /** Whether the last poll reached the registry. */
  public boolean isHealthy() {
    return lastPollOk;
  }

  /** Polls now, on the caller's thread (for tests and for "a contract just changed" hints). */
  public synchronized void poll() {
    List<ContractSummary> current = catalog.list();
    Set<String> seen = new HashSet<>();
    for (ContractSummary summary : current) {
      seen.add(summary.productId());
      if (!summary.version().equals(versions.get(summary.productId()))) {
        catalog
            .get(summary.productId())
            .ifPresent(
                contract -> {
                  listener.onContract(contract);
                  versions.put(summary.productId(), contract.version());
                });
      }
    }
    for (String gone : new HashSet<>(versions.keySet())) {
      if (!seen.contains(gone)) {
        versions.remove(gone);
        listener.onRemoved(gone);
      }
    }
  }

  private void pollQuietly() {
    try {
      poll();
      lastPollOk = true;
    } catch (RuntimeException e) {
      lastPollOk = false;
      LOG.warn("reading contracts from the registry failed (retrying): {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
