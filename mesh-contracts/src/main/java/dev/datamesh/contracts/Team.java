package dev.datamesh.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The owning team ({@code team}). The team {@code name} is the product's owner. The deprecated ODCS
 * 3.0 form (a bare list of members) is read with an empty name.
 */
public record Team(String name, String description, List<TeamMember> members) {

  public Team {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    members = List.copyOf(members);
  }

  /** A contract without a team. */
  public static Team none() {
    return new Team("", "", List.of());
  }

  /** True if some member has {@code role} (case-insensitive). */
  public boolean hasMemberWithRole(String role) {
    String wanted = role.toLowerCase(Locale.ROOT);
    return members.stream().anyMatch(m -> m.role().toLowerCase(Locale.ROOT).equals(wanted));
  }
}
