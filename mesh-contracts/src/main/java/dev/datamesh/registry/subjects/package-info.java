/** Confluent registration, lookup, deletion, config and mode semantics over the registry log. */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.subjects;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
