/**
 * Self-serve provisioning: the Kafka topics of a data product, created when its contract is
 * registered. Beans only in the {@code registry} environment.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.provisioning;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
