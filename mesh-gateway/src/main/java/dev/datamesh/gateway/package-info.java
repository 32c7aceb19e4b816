/**
 * The gateway service. Its beans exist only in a context started with the {@code gateway}
 * environment (see {@code application-gateway.yml}), so all services can share one classpath and
 * one JVM in {@code ./mesh dev} without seeing each other's beans.
 */
@Configuration
@Requires(env = "gateway")
package dev.datamesh.gateway;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
