package dev.datamesh.contracts;

import java.util.Objects;

/** A member of the owning team; absent parts are empty strings. */
public record TeamMember(String username, String name, String role) {

  public TeamMember {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
