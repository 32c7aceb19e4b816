package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.ProductTopics;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AclProvisioner} with the Kafka Admin API ({@code CreateAcls} / {@code DeleteAcls}). */
@Singleton
final class KafkaAclProvisioner implements AclProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAclProvisioner.class);

  private final AclConfig config;
  private final ProvisioningAdmin admin;
  private volatile boolean platformGranted;

  KafkaAclProvisioner(AclConfig config, ProvisioningAdmin admin) {
    this.config = config;
    this.admin = admin;
  }

  @Override
  public boolean enabled() {
    return config.enabled();
  }

  @Override
  public String principalOf(String domain) {
    return config.principalOf(domain);
  }

  @Override
  public ProvisioningResult grantPlatform() {
    if (!config.enabled()) {
      return ProvisioningResult.done(List.of(), List.of());
    }
    ProvisioningResult result = create(AclPlan.platform(config).bindings(), "gateway platform");
    if (result.ok()) {
      platformGranted = true;
    }
    return result;
  }

  @Override
  public ProvisioningResult grantProduct(ProductId product) {
    if (!config.enabled()) {
      return ProvisioningResult.done(List.of(), List.of());
    }
    List<AclBinding> bindings = new ArrayList<>();
    if (!platformGranted) {
      bindings.addAll(AclPlan.platform(config).bindings());
    }
    bindings.addAll(
        AclPlan.product(ProductTopics.of(product), principalOf(product.domain()), config)
            .bindings());
    ProvisioningResult result = create(bindings, "product " + product);
    if (result.ok()) {
      platformGranted = true;
    }
    return result;
  }

  @Override
  public ProvisioningResult grantSubscription(
      ProductId product, String consumerDomain, String principal) {
    if (!config.enabled()) {
      return ProvisioningResult.done(List.of(), List.of());
    }
    return create(
        AclPlan.subscription(ProductTopics.of(product), consumerDomain, principal).bindings(),
        "subscription of " + principal + " to " + product);
  }

  @Override
  public ProvisioningResult revokeSubscription(ProductId product, String principal) {
    if (!config.enabled()) {
      return ProvisioningResult.done(List.of(), List.of());
    }
    List<AclBindingFilter> filters =
        AclPlan.revocation(ProductTopics.of(product), principal).bindings().stream()
            .map(AclBinding::toFilter)
            .toList();
    try {
      admin.get().deleteAcls(filters).all().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("revoked READ on {} from {}", ProductTopics.of(product).certified(), principal);
      return ProvisioningResult.done(List.of(), List.of());
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return failed("removing the ACLs of " + principal + " on " + product, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProvisioningResult.failed("interrupted");
    }
  }

  private ProvisioningResult create(List<AclBinding> bindings, String what) {
    try {
      admin
          .get()
          .createAcls(bindings)
          .all()
          .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("ACLs of the {} in place ({} bindings)", what, bindings.size());
      return ProvisioningResult.done(List.of(), List.of());
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return failed("creating the ACLs of the " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProvisioningResult.failed("interrupted");
    }
  }

  private static ProvisioningResult failed(String what, Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    LOG.warn("{} failed: {}", what, cause.toString());
    return ProvisioningResult.failed(
        what + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }
}
