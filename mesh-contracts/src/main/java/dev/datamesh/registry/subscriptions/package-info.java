/**
 * Subscriptions to data products: a consumer domain asks for a product's certified topic, the
 * owning domain approves (or the contract approves automatically), and the consumer's principal
 * gets {@code READ} on the topic until the subscription is revoked. Facts on the registry log.
 * Beans only in the {@code registry} environment.
 */
@Configuration
@Requires(env = "registry")
package dev.datamesh.registry.subscriptions;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
