package dev.datamesh.registry.auth;

import dev.datamesh.registry.ProductSubject;
import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link AccessPolicy} on static tokens from {@link AuthConfig}. */
final class TokenAccessPolicy implements AccessPolicy {
  private static final String COUNCIL = "";

  /** Principal name ("" = council, else the domain) to the SHA-256 of its token. */
  private final Map<String, byte[]> digests = new LinkedHashMap<>();

  TokenAccessPolicy(AuthConfig config) {
    if (config.councilToken() != null && !config.councilToken().isBlank()) {
      digests.put(COUNCIL, digest(config.councilToken()));
    }
    config.domains().forEach((domain, token) -> digests.put(domain, digest(token)));
  }

  @Override
  public Optional<RegistryError> check(String authorizationHeader, String subject) {
    Optional<String> principal = token(authorizationHeader).flatMap(this::principal);
    if (principal.isEmpty()) {
      return Optional.of(unauthorized());
    }
    String who = principal.get();
    if (who.equals(COUNCIL)) {
      return Optional.empty();
    }
    if (subject == null) {
      return Optional.of(
          RegistryErrorCode.FORBIDDEN.error(
              "Forbidden: only the governance council may change the global configuration or mode"));
    }
    Optional<String> owner = owningDomain(subject);
    if (owner.isEmpty() || owner.get().equals(who)) {
      return Optional.empty();
    }
    return Optional.of(
        RegistryErrorCode.FORBIDDEN.error(
            "Forbidden: the token of domain '"
                + who
                + "' may not change subject '"
                + subject
                + "', which belongs to domain '"
                + owner.get()
                + "'"));
  }

  @Override
  public Optional<RegistryError> authenticate(String authorizationHeader) {
    return token(authorizationHeader).flatMap(this::principal).isPresent()
        ? Optional.empty()
        : Optional.of(unauthorized());
  }

  @Override
  public Optional<RegistryError> checkDomain(
      String authorizationHeader, String domain, String resource) {
    Optional<String> principal = token(authorizationHeader).flatMap(this::principal);
    if (principal.isEmpty()) {
      return Optional.of(unauthorized());
    }
    String who = principal.get();
    if (who.equals(COUNCIL) || who.equals(domain)) {
      return Optional.empty();
    }
    return Optional.of(
        RegistryErrorCode.FORBIDDEN.error(
            "Forbidden: the token of domain '"
                + who
                + "' may not change "
                + resource
                + ", which belongs to domain '"
                + domain
                + "'"));
  }

  @Override
  public Optional<Caller> identify(String authorizationHeader) {
    return token(authorizationHeader)
        .flatMap(this::principal)
        .map(who -> who.equals(COUNCIL) ? Caller.ofCouncil() : Caller.ofDomain(who));
  }

  static RegistryError unauthorized() {
    return RegistryErrorCode.UNAUTHORIZED.error(
        "Unauthorized: changing the registry needs a valid token (Authorization: Bearer <token>)");
  }

  private Optional<String> owningDomain(String subject) {
    Optional<ProductSubject> product = ProductSubject.parse(subject);
    if (product.isPresent()) {
      return Optional.of(product.get().domain());
    }
    int dot = subject.indexOf('.');
    if (dot > 0) {
      String first = subject.substring(0, dot);
      if (digests.containsKey(first) && !first.equals(COUNCIL)) {
        return Optional.of(first);
      }
    }
    return Optional.empty();
  }

  /** Compares against every principal without stopping early, so timing reveals nothing. */
  private Optional<String> principal(String token) {
    byte[] candidate = digest(token);
    String found = null;
    for (Map.Entry<String, byte[]> e : digests.entrySet()) {
      if (MessageDigest.isEqual(candidate, e.getValue()) && found == null) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    int space = h.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
    String value = h.substring(space + 1).trim();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (scheme.equals("bearer")) {
      return Optional.of(value);
    }
    if (scheme.equals("basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 || colon == decoded.length() - 1
            ? Optional.empty()
            : Optional.of(decoded.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
