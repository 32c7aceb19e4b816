package dev.datamesh.registry.store;

/**
 * One record of the registry log: the newest fact per key is the whole truth for that key, so the
 * state after replaying a compacted log equals the state after replaying the full log. Keys: {@code
 * schema:<id>}, {@code version:<version>:<subject>}, {@code config[:<subject>]}, {@code
 * mode[:<subject>]}, {@code contract:<productId>:<version>}, {@code policies}, {@code
 * subscription:<productId>:<consumer>}; the removals are tombstones. A null {@code subject} means
 * the global entry.
 */
public sealed interface Fact {

  /** The log key of this fact. */
  String key();

  /** Binds a schema id to its content (never removed). */
  record SchemaPut(StoredSchema schema) implements Fact {
    @Override
    public String key() {
      return "schema:" + schema.id();
    }
  }

  /** Creates or updates (soft-deletes) a subject version. */
  record VersionPut(SubjectVersion version) implements Fact {
    @Override
    public String key() {
      return versionKey(version.subject(), version.version());
    }
  }

  /** Removes a subject version for good (permanent delete). */
  record VersionRemoved(String subject, int version) implements Fact {
    @Override
    public String key() {
      return versionKey(subject, version);
    }
  }

  /** Sets the global (null subject) or subject-level configuration. */
  record ConfigPut(String subject, CompatibilityConfig config) implements Fact {
    @Override
    public String key() {
      return scoped("config", subject);
    }
  }

  /** Removes the global or subject-level configuration. */
  record ConfigRemoved(String subject) implements Fact {
    @Override
    public String key() {
      return scoped("config", subject);
    }
  }

  /** Sets the global or subject-level mode. */
  record ModePut(String subject, Mode mode) implements Fact {
    @Override
    public String key() {
      return scoped("mode", subject);
    }
  }

  /** Removes the global or subject-level mode. */
  record ModeRemoved(String subject) implements Fact {
    @Override
    public String key() {
      return scoped("mode", subject);
    }
  }

  /** Registers one version of a data product's contract (never removed: versions are immutable). */
  record ContractPut(StoredContract contract) implements Fact {
    @Override
    public String key() {
      return contractKey(contract.productId(), contract.version());
    }
  }

  /** Replaces the council's policy file. */
  record PoliciesPut(StoredPolicies policies) implements Fact {
    @Override
    public String key() {
      return POLICIES_KEY;
    }
  }

  /** Creates or changes (approves, revokes) a consumer's subscription to a product. */
  record SubscriptionPut(StoredSubscription subscription) implements Fact {
    @Override
    public String key() {
      return subscriptionKey(subscription.productId(), subscription.consumer());
    }
  }

  /** The key of a subscription fact. */
  static String subscriptionKey(String productId, String consumer) {
    return "subscription:" + productId + ":" + consumer;
  }

  /** The key of the policy fact. */
  String POLICIES_KEY = "policies";

  /** The key of a contract fact. */
  static String contractKey(String productId, String version) {
    return "contract:" + productId + ":" + version;
  }

  private static String versionKey(String subject, int version) {
    return "version:" + version + ":" + subject;
  }

  private static String scoped(String kind, String subject) {
    return subject == null ? kind : kind + ":" + subject;
  }
}
