package dev.datamesh.registry.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which Kafka ACLs the registry provisions ({@code mesh.registry.acls.*}); see docs/SECURITY.md.
 * Needs a cluster with an authorizer and a registry principal that may create ACLs ({@code ALTER}
 * on the cluster, or a super user).
 *
 * @param enabled whether contracts and subscriptions provision ACLs (default false: on a cluster
 *     without an authorizer there is nothing to provision)
 * @param gatewayPrincipal the gateway's principal (default {@code User:mesh-gateway}): {@code READ}
 *     on every raw topic, {@code WRITE} on every certified and dead-letter topic
 * @param gatewayPrefix prefix of the gateway's consumer groups and transactional ids (default
 *     {@code mesh-gateway}, its {@code mesh.gateway.group-id})
 * @param gatewayStatsTopic the topic the gateway publishes counts to (default {@code
 *     mesh.gateway.stats})
 * @param readerPrincipals platform principals that read every certified and dead-letter topic
 *     without a subscription (default {@code User:mesh-quality}, {@code User:mesh-lineage})
 * @param domainPrincipals domain to its Kafka principal; a domain not listed is {@code
 *     User:<domain>}
 * @param timeout how long creating or deleting ACLs may take (default 30 s)
 */
@ConfigurationProperties("mesh.registry.acls")
public record AclConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "User:mesh-gateway") String gatewayPrincipal,
    @Bindable(defaultValue = "mesh-gateway") String gatewayPrefix,
    @Bindable(defaultValue = "mesh.gateway.stats") String gatewayStatsTopic,
    @Nullable List<String> readerPrincipals,
    @Nullable Map<String, String> domainPrincipals,
    @Bindable(defaultValue = "30s") Duration timeout) {

  /** The readers when none are configured. */
  public static final List<String> DEFAULT_READERS =
      List.of("User:mesh-quality", "User:mesh-lineage");

  public AclConfig {
    readerPrincipals = readerPrincipals == null ? DEFAULT_READERS : List.copyOf(readerPrincipals);
    domainPrincipals = domainPrincipals == null ? Map.of() : Map.copyOf(domainPrincipals);
    requirePrincipal("mesh.registry.acls.gateway-principal", gatewayPrincipal);
    readerPrincipals.forEach(p -> requirePrincipal("mesh.registry.acls.reader-principals", p));
    domainPrincipals.forEach(
        (d, p) -> requirePrincipal("mesh.registry.acls.domain-principals." + d, p));
    if (gatewayPrefix == null || gatewayPrefix.isBlank()) {
      throw new IllegalArgumentException("mesh.registry.acls.gateway-prefix must not be blank");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("mesh.registry.acls.timeout must be positive");
    }
  }

  /** Disabled, with every default. */
  public static AclConfig disabled() {
    return new AclConfig(
        false,
        "User:mesh-gateway",
        "mesh-gateway",
        "mesh.gateway.stats",
        null,
        null,
        Duration.ofSeconds(30));
  }

  /** The Kafka principal of {@code domain}. */
  public String principalOf(String domain) {
    return domainPrincipals.getOrDefault(domain, "User:" + domain);
  }

  private static void requirePrincipal(String name, String principal) {
    if (principal == null || !principal.matches("[A-Za-z]+:.+")) {
      throw new IllegalArgumentException(
          name + " must be a Kafka principal like User:name, was '" + principal + "'");
    }
  }
}
