package dev.datamesh.lineage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the lineage service reaches the registry ({@code mesh.lineage.registry.*}).
 *
 * @param url the registry's base URL. Default {@code http://localhost:8081}.
 * @param token a bearer token, if the registry requires one for reads
 * @param refresh how often {@code GET /contracts} is polled. Default 5 s.
 */
@ConfigurationProperties("mesh.lineage.registry")
public record RegistryLinkConfig(
    @Nullable URI url, @Nullable String token, @Nullable Duration refresh) {

  public RegistryLinkConfig {
    url = url == null ? URI.create("http://localhost:8081") : url;
    refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("mesh.lineage.registry.refresh must be positive");
    }
  }

  public Optional<String> bearerToken() {
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
  }
}
