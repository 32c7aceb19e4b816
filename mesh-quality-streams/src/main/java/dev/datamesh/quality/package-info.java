/**
 * The quality service. Its beans exist only in a context started with the {@code quality}
 * environment (see {@code application-quality.yml}), so all services can share one classpath and
 * one JVM in {@code ./mesh dev} without seeing each other's beans.
 */
@Configuration
@Requires(env = "quality")
package dev.datamesh.quality;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
