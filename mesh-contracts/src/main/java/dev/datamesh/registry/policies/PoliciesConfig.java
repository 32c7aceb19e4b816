package dev.datamesh.registry.policies;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the council's policy file comes from ({@code mesh.registry.policies.*}).
 *
 * @param file path of the policy file (YAML, format in docs/CONTRACTS.md); unset: the bundled
 *     classpath file {@code governance/default-policies.yaml}
 */
@ConfigurationProperties("mesh.registry.policies")
public record PoliciesConfig(@Nullable String file) {}
