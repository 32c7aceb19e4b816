package dev.datamesh.registry.contracts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the contracts API ({@code mesh.registry.contracts.*}).
 *
 * @param maxBytes the largest contract or policy body accepted, in bytes (default 512 KiB; larger
 *     gets 413/41360); a contract is stored as one log record, so this stays below the log topic's
 *     maximum record size
 */
@ConfigurationProperties("mesh.registry.contracts")
public record ContractsConfig(@Bindable(defaultValue = "524288") int maxBytes) {

  public ContractsConfig {
    if (maxBytes < 1024 || maxBytes > 900_000) {
      throw new IllegalArgumentException(
          "mesh.registry.contracts.max-bytes must be between 1024 and 900000 (a log record holds"
              + " a contract)");
    }
  }

  /** The defaults, for tests and tools. */
  public static ContractsConfig defaults() {
    return new ContractsConfig(524_288);
  }
}
