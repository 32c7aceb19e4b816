package dev.datamesh.registry.policies;

import dev.datamesh.contracts.policy.GovernancePolicies;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The council's policies in force, with the text they were read from.
 *
 * @param policies the parsed policies
 * @param text the policy file as written
 * @param source where they come from: {@code log} (stored through {@code PUT /policies} or
 *     published at start-up), {@code file:<path>} or {@code classpath:<resource>}
 * @param updatedAt when they were stored in the log; empty for a file not (yet) in the log
 */
public record ActivePolicies(
    GovernancePolicies policies, String text, String source, Optional<Instant> updatedAt) {

  public ActivePolicies {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The policy file's version. */
  public String version() {
    return policies.version().toString();
  }
}
