package dev.datamesh.gateway;

import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.contracts.rules.JsonEventValidator;

/**
 * A product the gateway currently serves: its contract, the route the certification loop uses and
 * the validator the JSON ingest API uses. Immutable; replaced when the contract evolves.
 */
record ActiveProduct(RegisteredContract registered, ProductRoute route, JsonEventValidator json) {

  String productId() {
    return registered.productId();
  }
}
