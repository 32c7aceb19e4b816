/**
 * The registry log (compacted topic) and the state replayed from it. Beans only in the {@code
 * registry} environment.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.store;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
