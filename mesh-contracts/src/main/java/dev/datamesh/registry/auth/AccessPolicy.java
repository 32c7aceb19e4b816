package dev.datamesh.registry.auth;

import dev.datamesh.registry.RegistryError;
import java.util.Optional;

/**
 * Decides whether the bearer of an {@code Authorization} header may change a subject (or, for a
 * null subject, the global settings). Tokens are compared in constant time and never logged.
 * Thread-safe.
 *
 * <p>Accepted headers: {@code Bearer <token>}, and {@code Basic} credentials whose password is the
 * token (for clients that only do basic auth). Rules: the council may write everything; a domain
 * may write subjects of its own domain — a product subject {@code <domain>.<product>.<raw|
 * certified|dlq>-<value|key>}, or any subject whose first dot-separated segment is the domain — and
 * subjects that belong to no configured domain; nobody else may write.
 */
public interface AccessPolicy {

  /** Empty when allowed; else the 401 or 403 error to answer with. */
  Optional<RegistryError> check(String authorizationHeader, String subject);

  /** Empty when the header carries a known token (council or any domain); else the 401 error. */
  Optional<RegistryError> authenticate(String authorizationHeader);

  /**
   * Empty when the bearer may write {@code resource}, which belongs to {@code domain} (e.g. a
   * contract of a product of that domain): the council, or that domain's token; else 401 or 403.
   */
  Optional<RegistryError> checkDomain(String authorizationHeader, String domain, String resource);

  /** Whose token the header carries; empty when it carries no known token. */
  Optional<Caller> identify(String authorizationHeader);

  /** The policy for {@code config}. */
  static AccessPolicy of(AuthConfig config) {
    return new TokenAccessPolicy(config);
  }
}
