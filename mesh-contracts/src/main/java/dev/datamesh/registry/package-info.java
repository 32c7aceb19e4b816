/**
 * The registry service. Its beans exist only in a context started with the {@code registry}
 * environment (see {@code application-registry.yml}), so all services can share one classpath and
 * one JVM in {@code ./mesh dev} without seeing each other's beans.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
