package dev.datamesh.gateway;

import dev.datamesh.registry.auth.AccessPolicy;
import dev.datamesh.registry.auth.AuthConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * Who may ingest events over HTTP ({@code mesh.gateway.auth.*}): the same token model as the
 * registry (a domain's token writes that domain's products, the council's token writes all).
 *
 * @param enabled whether ingest needs a token (default true; {@code application-gateway.yml} turns
 *     it off for local development)
 * @param councilToken the council's token
 * @param domains domain name → that domain's token
 */
@ConfigurationProperties("mesh.gateway.auth")
public record GatewayAuthConfig(
    @Nullable Boolean enabled,
    @Nullable String councilToken,
    @Nullable Map<String, String> domains) {

  AccessPolicy policy() {
    return AccessPolicy.of(new AuthConfig(enabled == null || enabled, councilToken, domains));
  }
}
