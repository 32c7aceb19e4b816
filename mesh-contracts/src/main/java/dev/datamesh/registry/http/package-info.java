/** The Confluent Schema Registry compatible HTTP API. */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.http;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
