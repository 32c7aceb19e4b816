package dev.datamesh.registry.store;

import java.util.Objects;

/**
 * The council's policy file as last replaced through the API, kept in the log under {@code
 * policies} (the newest record is the whole truth).
 *
 * @param version the file's semantic version
 * @param text the policy file (YAML or JSON) exactly as submitted
 * @param updatedAt when it was stored (epoch millis)
 */
public record StoredPolicies(String version, String text, long updatedAt) {

  public StoredPolicies {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
  }
}
