/**
 * The governance council's policies in force: the configured policy file, or a newer one stored in
 * the registry log through {@code PUT /policies}. Beans only in the {@code registry} environment.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.policies;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
