package dev.datamesh.registry.auth;

/**
 * Who a valid token belongs to: the governance council, or one domain.
 *
 * @param domain the domain of a domain token; empty for the council
 * @param council true for the council's token
 */
public record Caller(String domain, boolean council) {

  /** The council. */
  public static Caller ofCouncil() {
    return new Caller("", true);
  }

  /** A domain's token. */
  public static Caller ofDomain(String domain) {
    return new Caller(domain, false);
  }

  /** Whether the caller may act for {@code owningDomain}: the council or that domain. */
  public boolean actsFor(String owningDomain) {
    return council || domain.equals(owningDomain);
  }

  /** How the caller is recorded ({@code council} or the domain). */
  public String name() {
    return council ? "council" : domain;
  }
}
