package dev.datamesh.registry.contracts;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.registry.RegistryError;
import java.util.Optional;

/** Decides whether the caller may write the contract of a product (401/403 otherwise). */
@FunctionalInterface
public interface OwnerCheck {

  /** Everybody may write (auth disabled). */
  OwnerCheck ANYONE = product -> Optional.empty();

  /** Empty when allowed; else the error to answer with. */
  Optional<RegistryError> check(ProductId product);
}
