package dev.datamesh.registry.subjects;

import dev.datamesh.registry.schema.CompatibilityLevel;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Registry defaults ({@code mesh.registry.*}).
 *
 * @param defaultCompatibility the level when neither the subject nor the global configuration sets
 *     one (default {@code BACKWARD})
 * @param maxSchemaBytes the largest request body accepted by register, lookup and compatibility, in
 *     bytes (default 512 KiB; larger gets 422/42209); it must stay below the log topic's maximum
 *     record size
 */
@ConfigurationProperties("mesh.registry")
public record RegistryConfig(
    @Bindable(defaultValue = "BACKWARD") CompatibilityLevel defaultCompatibility,
    @Bindable(defaultValue = "524288") int maxSchemaBytes) {

  public RegistryConfig {
    if (defaultCompatibility == null) {
      throw new IllegalArgumentException("mesh.registry.default-compatibility must be set");
    }
    if (maxSchemaBytes < 1024 || maxSchemaBytes > 900_000) {
      throw new IllegalArgumentException(
          "mesh.registry.max-schema-bytes must be between 1024 and 900000 (a log record holds it)");
    }
  }

  /** The defaults, for tests and tools. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(CompatibilityLevel.BACKWARD, 524_288);
  }
}
