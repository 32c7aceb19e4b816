package dev.datamesh.cli;

import dev.datamesh.kafka.embedded.EmbeddedSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mesh dev --secure}: the embedded broker with SASL/PLAIN and ACLs, every service with its
 * own principal, registry and gateway tokens, and ACL provisioning on (docs/SECURITY.md). Passwords
 * and tokens are generated per start and written to a file only the user can read, never printed.
 *
 * <p>The registry is a super user (it creates topics and ACLs); so are quality streams and lineage
 * here, which read every product and own internal topics (on a real cluster they get the ACLs
 * docs/SECURITY.md lists). The gateway and the domains get exactly what contracts and subscriptions
 * provision.
 */
final class SecureDev {
  static final List<String> DOMAINS = List.of("orders", "payments", "catalog", "analytics");
  static final String ADMIN = "admin";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> passwords = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final String encryptionKey;

  private SecureDev() {
    passwords.put(ADMIN, secret());
    for (MeshService service : MeshService.values()) {
      passwords.put(principalName(service), secret());
    }
    DOMAINS.forEach(d -> passwords.put(d, secret()));
    tokens.put("council", secret());
    DOMAINS.forEach(d -> tokens.put(d, secret()));
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    encryptionKey = Base64.getEncoder().encodeToString(key);
  }

  static SecureDev generate() {
    return new SecureDev();
  }

  /** The Kafka user of a service: {@code mesh-<environment>}. */
  static String principalName(MeshService service) {
    return "mesh-" + service.environment();
  }

  /** The broker's users and super users. */
  EmbeddedSecurity brokerSecurity() {
    EmbeddedSecurity security = EmbeddedSecurity.admin(ADMIN, passwords.get(ADMIN));
    for (Map.Entry<String, String> user : passwords.entrySet()) {
      String name = user.getKey();
      if (name.equals(ADMIN)) {
        continue;
      }
      boolean platformSuper =
          name.equals(principalName(MeshService.REGISTRY))
              || name.equals(principalName(MeshService.QUALITY))
              || name.equals(principalName(MeshService.LINEAGE));
      security =
          platformSuper
              ? security.withSuperUser(name, user.getValue())
              : security.withUser(name, user.getValue());
    }
    return security;
  }

  /** What {@code service} needs on top of the plain dev settings. */
  Map<String, Object> serviceProperties(MeshService service, EmbeddedSecurity security) {
    Map<String, Object> props = new HashMap<>();
    security.clientProperties(principalName(service)).forEach((k, v) -> props.put("kafka." + k, v));
    switch (service) {
      case REGISTRY -> {
        props.put("mesh.registry.acls.enabled", true);
        props.put(
            "mesh.registry.acls.gateway-principal", "User:" + principalName(MeshService.GATEWAY));
        props.put(
            "mesh.registry.acls.reader-principals",
            List.of(
                "User:" + principalName(MeshService.QUALITY),
                "User:" + principalName(MeshService.LINEAGE)));
        props.put("mesh.registry.auth.enabled", true);
        props.put("mesh.registry.auth.council-token", tokens.get("council"));
        DOMAINS.forEach(d -> props.put("mesh.registry.auth.domains." + d, tokens.get(d)));
      }
      case GATEWAY -> {
        props.put("mesh.gateway.auth.enabled", true);
        props.put("mesh.gateway.auth.council-token", tokens.get("council"));
        DOMAINS.forEach(d -> props.put("mesh.gateway.auth.domains." + d, tokens.get(d)));
        props.put("mesh.gateway.masking.encryption-key", encryptionKey);
      }
      default -> {
        // quality and lineage need only their Kafka principal
      }
    }
    return props;
  }

  /** Writes every credential to {@code file} (owner-only permissions where the OS has them). */
  Path writeCredentials(Path file, String bootstrapServers, EmbeddedSecurity security) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the user's profile directory protects it
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(
            "# ./mesh dev --secure credentials, regenerated on every start (docs/SECURITY.md)\n");
        out.write("bootstrap.servers=" + bootstrapServers + "\n");
        for (String user : passwords.keySet()) {
          Map<String, String> client = security.clientProperties(user);
          out.write("\n# Kafka client settings of principal User:" + user + "\n");
          for (Map.Entry<String, String> e : client.entrySet()) {
            out.write(user + "." + e.getKey() + "=" + e.getValue() + "\n");
          }
        }
        out.write("\n# Registry and gateway tokens (Authorization: Bearer <token>)\n");
        for (Map.Entry<String, String> t : tokens.entrySet()) {
          out.write("token." + t.getKey() + "=" + t.getValue() + "\n");
        }
        out.write("\n# Decrypts encrypt-masked fields (FieldCipher.fromBase64)\n");
        out.write("masking.encryption-key=" + encryptionKey + "\n");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String secret() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
