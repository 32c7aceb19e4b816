package dev.datamesh.registry.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * Who may write to the registry ({@code mesh.registry.auth.*}).
 *
 * @param enabled whether writes need a token (default true; {@code application-registry.yml} turns
 *     it off for local development)
 * @param councilToken the governance council's token: may write everything, including the global
 *     {@code /config} and {@code /mode}
 * @param domains domain name to that domain's token: may write the domain's subjects and subjects
 *     that belong to no domain
 */
@ConfigurationProperties("mesh.registry.auth")
public record AuthConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Nullable String councilToken,
    @Nullable Map<String, String> domains) {

  public AuthConfig {
    domains = domains == null ? Map.of() : Map.copyOf(domains);
    if (enabled && (councilToken == null || councilToken.isBlank()) && domains.isEmpty()) {
      throw new IllegalArgumentException(
          "mesh.registry.auth.enabled is true but neither mesh.registry.auth.council-token nor"
              + " mesh.registry.auth.domains.<domain> is set: nobody could write");
    }
    domains.forEach(
        (domain, token) -> {
          if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                "mesh.registry.auth.domains." + domain + " is blank");
          }
        });
  }
}
