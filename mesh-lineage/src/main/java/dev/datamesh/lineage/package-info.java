/**
 * The lineage service. Its beans exist only in a context started with the {@code lineage}
 * environment (see {@code application-lineage.yml}), so all services can share one classpath and
 * one JVM in {@code ./mesh dev} without seeing each other's beans.
 */
@Configuration
@Requires(env = "lineage")
package dev.datamesh.lineage;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
