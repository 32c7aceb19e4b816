package dev.datamesh.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway reaches the registry ({@code mesh.gateway.registry.*}).
 *
 * @param url the registry's base URL. Default: {@code http://localhost:8081}.
 * @param token a bearer token for the registry, if it requires one for reads
 * @param refresh how often contracts are re-read from the registry. Default: 5 s.
 */
@ConfigurationProperties("mesh.gateway.registry")
public record GatewayLinksConfig(
    @Nullable URI url, @Nullable String token, @Nullable Duration refresh) {

  public GatewayLinksConfig {
    url = url == null ? URI.create("http://localhost:8081") : url;
    refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("mesh.gateway.registry.refresh must be positive");
    }
  }

  public Optional<String> bearerToken() {
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
  }
}
