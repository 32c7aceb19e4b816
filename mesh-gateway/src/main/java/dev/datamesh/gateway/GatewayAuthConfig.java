package dev.datamesh.gateway;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.auth.AccessPolicy;
import dev.datamesh.registry.auth.AuthConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;
import java.util.Optional;

/**
 * Who may ingest events and redrive dead letters over HTTP ({@code mesh.gateway.auth.*}): the same
 * token model as the registry (a domain's token writes that domain's products, the council's token
 * writes all).
 *
 * @param enabled whether a token is needed (default true; {@code application-gateway.yml} turns it
 *     off for local development)
 * @param councilToken the council's token
 * @param domains domain name → that domain's token
 */
@ConfigurationProperties("mesh.gateway.auth")
public record GatewayAuthConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Nullable String councilToken,
    @Nullable Map<String, String> domains) {

  /** Checks who may write a subject's product; everyone when auth is off. */
  GatewayAccess access() {
    if (!enabled) {
      return (authorization, subject) -> Optional.empty();
    }
    AccessPolicy policy = AccessPolicy.of(new AuthConfig(true, councilToken, domains));
    return policy::check;
  }

  /** Empty when allowed; else the 401 or 403 error to answer with. */
  @FunctionalInterface
  interface GatewayAccess {
    Optional<RegistryError> check(String authorization, String subject);
  }
}
