package dev.datamesh.registry.provisioning;

import java.util.List;
import java.util.Optional;

/**
 * What provisioning did: the topics it created and warnings about existing ones (left alone), or
 * why it failed.
 *
 * @param created topics created now
 * @param warnings e.g. an existing topic's partition count differs from the contract's
 * @param failure why the topics could not be created; empty on success
 */
public record ProvisioningResult(
    List<String> created, List<String> warnings, Optional<String> failure) {

  public ProvisioningResult {
    created = List.copyOf(created);
    warnings = List.copyOf(warnings);
  }

  /** Success. */
  public static ProvisioningResult done(List<String> created, List<String> warnings) {
    return new ProvisioningResult(created, warnings, Optional.empty());
  }

  /** Failure with {@code reason}. */
  public static ProvisioningResult failed(String reason) {
    return new ProvisioningResult(List.of(), List.of(), Optional.of(reason));
  }

  /** True when every topic exists now. */
  public boolean ok() {
    return failure.isEmpty();
  }
}
