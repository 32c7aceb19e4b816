package dev.datamesh.kafka.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SASL/PLAIN authentication and ACL authorisation for an {@link EmbeddedKafka} broker: the client
 * listener becomes {@code SASL_PLAINTEXT}, every user is a principal {@code User:<name>}, and
 * Kafka's {@code StandardAuthorizer} denies everything an ACL does not allow, except to the super
 * users. The controller listener is authenticated with the admin's credentials.
 *
 * <p>PLAIN because users then come from configuration alone (no credential store to seed before the
 * broker starts); the passwords travel in clear, so this is for loopback development and tests. A
 * production cluster uses SCRAM or mTLS over TLS, which the services support through their {@code
 * kafka.*} client settings (docs/SECURITY.md).
 *
 * @param admin the platform's super user (the broker itself authenticates as it)
 * @param adminPassword its password
 * @param users every other user name to its password
 * @param superUsers further super users besides {@code admin} (e.g. the registry, which creates
 *     topics and ACLs)
 */
public record EmbeddedSecurity(
    String admin, String adminPassword, Map<String, String> users, Set<String> superUsers) {

  /** The only mechanism the embedded broker offers. */
  public static final String MECHANISM = "PLAIN";

  public EmbeddedSecurity {
    requireName(admin);
    Objects.requireNonNull(adminPassword, "adminPassword");
    users = Map.copyOf(users);
    users.forEach(
        (name, password) -> {
          requireName(name);
          Objects.requireNonNull(password, "password of " + name);
        });
    superUsers = Set.copyOf(superUsers);
    superUsers.forEach(EmbeddedSecurity::requireName);
  }

  /** Admin only; add users with {@link #withUser}. */
  public static EmbeddedSecurity admin(String admin, String adminPassword) {
    return new EmbeddedSecurity(admin, adminPassword, Map.of(), Set.of());
  }

  /** This configuration with one more (ordinary) user. */
  public EmbeddedSecurity withUser(String name, String password) {
    Map<String, String> copy = new LinkedHashMap<>(users);
    copy.put(name, password);
    return new EmbeddedSecurity(admin, adminPassword, copy, superUsers);
  }

  /** This configuration with one more user who is a super user. */
  public EmbeddedSecurity withSuperUser(String name, String password) {
    Map<String, String> copy = new LinkedHashMap<>(users);
    copy.put(name, password);
    java.util.Set<String> supers = new java.util.LinkedHashSet<>(superUsers);
    supers.add(name);
    return new EmbeddedSecurity(admin, adminPassword, copy, supers);
  }

  /**
   * The client properties (Kafka names) a client needs to connect as {@code user}.
   *
   * @throws IllegalArgumentException if the user is not configured
   */
  public Map<String, String> clientProperties(String user) {
    String password = user.equals(admin) ? adminPassword : users.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no embedded Kafka user '" + user + "'");
    }
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        MECHANISM,
        "sasl.jaas.config",
        jaas(user, password, Map.of()));
  }

  /** The JAAS line of the PLAIN login module, optionally with the broker's user table. */
  static String jaas(String user, String password, Map<String, String> table) {
    StringBuilder line =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
            .append(" username=\"")
            .append(user)
            .append("\" password=\"")
            .append(password)
            .append('"');
    table.forEach(
        (name, pw) -> line.append(" user_").append(name).append("=\"").append(pw).append('"'));
    return line.append(';').toString();
  }

  private static void requireName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "embedded Kafka user names are letters, digits, '.', '_' and '-'; was '" + name + "'");
    }
  }
}
