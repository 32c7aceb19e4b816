/**
 * The registry's contracts API: registering ODCS data contracts (with their schemas, subjects and
 * topics), reading and diffing them, the council's policies, and the governance of Confluent API
 * registrations on contract subjects. Beans only in the {@code registry} environment.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.contracts;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
