package dev.datamesh.registry.policies;

import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.StoredPolicies;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, stores the configured policy file in the log when it is newer than the log's (or the
 * log has none), so that every instance on the log applies the same policies even if their files
 * differ. A failure is logged, not fatal: this instance then applies the newer of the two.
 */
@Context
final class PolicyPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyPublisher.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final ContractLog log;
  private final CouncilPolicies policies;

  PolicyPublisher(ContractLog log, CouncilPolicies policies) {
    this.log = log;
    this.policies = policies;
  }

  @PostConstruct
  void publish() {
    ActivePolicies file = policies.configured();
    try {
      boolean stored =
          log.write(
                  state -> {
                    boolean newer = state.policies().isEmpty() || policies.current(state) == file;
                    return newer
                        ? new Decision<>(
                            List.of(
                                new Fact.PoliciesPut(
                                    new StoredPolicies(
                                        file.version(), file.text(), System.currentTimeMillis()))),
                            true)
                        : Decision.answer(false);
                  })
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (stored) {
        LOG.info("published council policies {} from {} to the log", file.version(), file.source());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while publishing the council policies");
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not publish the council policies to the log: {}", e.toString());
    }
  }
}
