package dev.datamesh.registry.subscriptions;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.registry.provisioning.AclProvisioner;
import dev.datamesh.registry.provisioning.ProvisioningResult;
import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.StoredSubscription;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, grants the gateway's platform ACLs and those of every registered product and
 * approved subscription again, so the gateway can start before the first registration, and so a
 * registry that got ACL provisioning turned on later (or a changed gateway principal) brings the
 * cluster in line with the log. Idempotent; failures are logged and do not stop the registry (the
 * next registration or approval retries its own ACLs).
 */
@Context
@Requires(property = "mesh.registry.acls.enabled", value = "true")
final class AclReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(AclReconciler.class);

  private final ContractLog log;
  private final AclProvisioner acls;

  AclReconciler(ContractLog log, AclProvisioner acls) {
    this.log = log;
    this.acls = acls;
  }

  @PostConstruct
  void reconcile() {
    List<String> products = log.read(state -> new ArrayList<>(state.contractProducts()));
    List<StoredSubscription> approved =
        log.read(
            state ->
                state.allSubscriptions().stream().filter(StoredSubscription::approved).toList());
    int failed = acls.grantPlatform().ok() ? 0 : 1;
    for (String id : products) {
      Optional<ProductId> product = ProductId.parse(id);
      if (product.isPresent() && !acls.grantProduct(product.get()).ok()) {
        failed++;
      }
    }
    for (StoredSubscription s : approved) {
      Optional<ProductId> product = ProductId.parse(s.productId());
      if (product.isPresent()) {
        ProvisioningResult r = acls.grantSubscription(product.get(), s.consumer(), s.principal());
        failed += r.ok() ? 0 : 1;
      }
    }
    LOG.info(
        "ACLs reconciled for {} products and {} approved subscriptions ({} failed)",
        products.size(),
        approved.size(),
        failed);
  }
}
