/** Write authorisation with council and domain tokens. */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.auth;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
