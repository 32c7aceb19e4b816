package dev.datamesh.registry.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.registry.RegistryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns {@link Fact}s into log records (UTF-8 key, JSON value, null value for removals) and back.
 * Stateless and thread-safe.
 */
final class FactCodec {
  private static final ObjectMapper JSON = RegistryJson.mapper();

  private FactCodec() {}

  /** A record value carrying the mode, so the log stays JSON objects throughout. */
  record ModeValue(Mode mode) {}

  static byte[] key(Fact fact) {
    return fact.key().getBytes(StandardCharsets.UTF_8);
  }

  /** The record value; null (a tombstone) for removals. */
  static byte[] value(Fact fact) {
    Object payload;
    if (fact instanceof Fact.SchemaPut p) {
      payload = p.schema();
    } else if (fact instanceof Fact.VersionPut p) {
      payload = p.version();
    } else if (fact instanceof Fact.ConfigPut p) {
      payload = p.config();
    } else if (fact instanceof Fact.ModePut p) {
      payload = new ModeValue(p.mode());
    } else if (fact instanceof Fact.ContractPut p) {
      payload = p.contract();
    } else if (fact instanceof Fact.PoliciesPut p) {
      payload = p.policies();
    } else if (fact instanceof Fact.SubscriptionPut p) {
      payload = p.subscription();
    } else {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + fact.key(), e);
    }
  }

  /**
   * The fact a record carries; empty for keys this version does not know (written by a newer
   * registry) and for tombstones of keys that are never removed.
   *
   * @throws IllegalArgumentException if the record is malformed
   */
  static Optional<Fact> decode(byte[] keyBytes, byte[] value) {
    if (keyBytes == null) {
      throw new IllegalArgumentException("record without key");
    }
    String key = new String(keyBytes, StandardCharsets.UTF_8);
    try {
      if (key.startsWith("schema:")) {
        return value == null
            ? Optional.empty()
            : Optional.of(new Fact.SchemaPut(JSON.readValue(value, StoredSchema.class)));
      }
      if (key.startsWith("version:")) {
        return Optional.of(version(key, value));
      }
      if (key.equals("config") || key.startsWith("config:")) {
        String subject = subjectOf(key, "config");
        return Optional.of(
            value == null
                ? new Fact.ConfigRemoved(subject)
                : new Fact.ConfigPut(subject, JSON.readValue(value, CompatibilityConfig.class)));
      }
      if (key.equals("mode") || key.startsWith("mode:")) {
        String subject = subjectOf(key, "mode");
        if (value == null) {
          return Optional.of(new Fact.ModeRemoved(subject));
        }
        Mode mode = JSON.readValue(value, ModeValue.class).mode();
        if (mode == null) {
          throw new IllegalArgumentException("mode record without mode: " + key);
        }
        return Optional.of(new Fact.ModePut(subject, mode));
      }
      if (key.startsWith("contract:")) {
        return value == null ? Optional.empty() : Optional.of(contract(key, value));
      }
      if (key.startsWith("subscription:")) {
        return value == null ? Optional.empty() : Optional.of(subscription(key, value));
      }
      if (key.equals(Fact.POLICIES_KEY)) {
        return value == null
            ? Optional.empty()
            : Optional.of(new Fact.PoliciesPut(JSON.readValue(value, StoredPolicies.class)));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed value for " + key + ": " + e.getMessage(), e);
    }
  }

  private static Fact version(String key, byte[] value) throws IOException {
    int second = key.indexOf(':', "version:".length());
    if (second < 0) {
      throw new IllegalArgumentException("malformed version key " + key);
    }
    String subject = key.substring(second + 1);
    int number;
    try {
      number = Integer.parseInt(key.substring("version:".length(), second));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed version key " + key, e);
    }
    if (value == null) {
      return new Fact.VersionRemoved(subject, number);
    }
    SubjectVersion v = JSON.readValue(value, SubjectVersion.class);
    if (!subject.equals(v.subject()) || v.version() != number) {
      throw new IllegalArgumentException("version record does not match its key " + key);
    }
    return new Fact.VersionPut(v);
  }

  private static Fact contract(String key, byte[] value) throws IOException {
    StoredContract c = JSON.readValue(value, StoredContract.class);
    if (!key.equals(Fact.contractKey(c.productId(), c.version()))
        || SemanticVersion.parse(c.version()).isEmpty()) {
      throw new IllegalArgumentException("contract record does not match its key " + key);
    }
    return new Fact.ContractPut(c);
  }

  private static Fact subscription(String key, byte[] value) throws IOException {
    StoredSubscription s = JSON.readValue(value, StoredSubscription.class);
    if (!key.equals(Fact.subscriptionKey(s.productId(), s.consumer()))) {
      throw new IllegalArgumentException("subscription record does not match its key " + key);
    }
    return new Fact.SubscriptionPut(s);
  }

  private static String subjectOf(String key, String kind) {
    return key.length() == kind.length() ? null : key.substring(kind.length() + 1);
  }
}
