package dev.datamesh.contracts.serde;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Adds packages to Avro's process-wide list of classes it may instantiate. Avro 1.12.2 refuses to
 * load any class for a specific record unless trusted (system property {@code
 * org.apache.avro.SERIALIZABLE_PACKAGES} or {@link ClassSecurityValidator#setGlobal}); the schema
 * names come from the registry, so only packages named in the configuration are trusted, never
 * whatever a schema asks for. Thread-safe; installs its predicate once, beside the existing one.
 */
final class TrustedPackages {
  private static final Set<String> PACKAGES = ConcurrentHashMap.newKeySet();
  private static boolean installed;

  private TrustedPackages() {}

  static synchronized void trust(Collection<String> packages) {
    if (packages.isEmpty()) {
      return;
    }
    PACKAGES.addAll(packages);
    if (!installed) {
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(
              ClassSecurityValidator.getGlobal(), TrustedPackages::isTrusted));
      installed = true;
    }
  }

  static boolean isTrusted(Class<?> type) {
    String name = type.getPackageName();
    for (String trusted : PACKAGES) {
      if (name.equals(trusted) || name.startsWith(trusted + ".")) {
        return true;
      }
    }
    return false;
  }
}
