package dev.datamesh.registry.store;

import dev.datamesh.contracts.SemanticVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A base state with pending puts on top (see {@link RegistryState#withPending}). The pending facts
 * are applied to a small state of their own; every query answers from it first and falls back to
 * the base, merging where a query spans both. Not thread-safe; lives inside one decision.
 */
final class PendingState implements RegistryState {
  private static final Comparator<SubjectVersion> BY_SUBJECT_VERSION =
      Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version);

  private final RegistryState base;
  private final MemoryState pending = new MemoryState();

  PendingState(RegistryState base, List<Fact> facts) {
    this.base = base;
    for (Fact fact : facts) {
      if (fact instanceof Fact.VersionRemoved
          || fact instanceof Fact.ConfigRemoved
          || fact instanceof Fact.ModeRemoved) {
        throw new IllegalArgumentException("pending removals are not supported: " + fact.key());
      }
      pending.apply(fact);
    }
  }

  @Override
  public Optional<StoredSchema> schema(int id) {
    return pending.schema(id).or(() -> base.schema(id));
  }

  @Override
  public Optional<StoredSchema> schemaByIdentity(String identity) {
    return pending.schemaByIdentity(identity).or(() -> base.schemaByIdentity(identity));
  }

  @Override
  public Optional<StoredSchema> schemaByGuid(String guid) {
    return pending.schemaByGuid(guid).or(() -> base.schemaByGuid(guid));
  }

  @Override
  public int maxSchemaId() {
    return Math.max(base.maxSchemaId(), pending.maxSchemaId());
  }

  @Override
  public SortedSet<String> subjects() {
    TreeSet<String> all = new TreeSet<>(base.subjects());
    all.addAll(pending.subjects());
    return Collections.unmodifiableSortedSet(all);
  }

  @Override
  public SortedMap<Integer, SubjectVersion> versions(String subject) {
    TreeMap<Integer, SubjectVersion> all = new TreeMap<>(base.versions(subject));
    all.putAll(pending.versions(subject));
    return Collections.unmodifiableSortedMap(all);
  }

  @Override
  public List<SubjectVersion> usages(int id) {
    TreeSet<SubjectVersion> users = new TreeSet<>(BY_SUBJECT_VERSION);
    for (SubjectVersion v : base.usages(id)) {
      if (!pending.versions(v.subject()).containsKey(v.version())) {
        users.add(v);
      }
    }
    users.addAll(pending.usages(id));
    return List.copyOf(users);
  }

  @Override
  public List<Integer> referencedBy(String subject, int version) {
    TreeSet<Integer> ids = new TreeSet<>(base.referencedBy(subject, version));
    ids.addAll(pending.referencedBy(subject, version));
    return List.copyOf(ids);
  }

  @Override
  public Optional<CompatibilityConfig> config(String subject) {
    return pending.config(subject).or(() -> base.config(subject));
  }

  @Override
  public Optional<Mode> mode(String subject) {
    return pending.mode(subject).or(() -> base.mode(subject));
  }

  @Override
  public SortedSet<String> contractProducts() {
    TreeSet<String> all = new TreeSet<>(base.contractProducts());
    all.addAll(pending.contractProducts());
    return Collections.unmodifiableSortedSet(all);
  }

  @Override
  public List<StoredContract> contracts(String productId) {
    TreeMap<SemanticVersion, StoredContract> all = new TreeMap<>();
    for (StoredContract c : base.contracts(productId)) {
      all.put(SemanticVersion.parse(c.version()).orElseThrow(), c);
    }
    for (StoredContract c : pending.contracts(productId)) {
      all.put(SemanticVersion.parse(c.version()).orElseThrow(), c);
    }
    return List.copyOf(new ArrayList<>(all.values()));
  }

  @Override
  public List<StoredSubscription> subscriptions(String productId) {
    TreeMap<String, StoredSubscription> all = new TreeMap<>();
    base.subscriptions(productId).forEach(s -> all.put(s.consumer(), s));
    pending.subscriptions(productId).forEach(s -> all.put(s.consumer(), s));
    return List.copyOf(all.values());
  }

  @Override
  public List<StoredSubscription> allSubscriptions() {
    TreeMap<String, StoredSubscription> all = new TreeMap<>();
    base.allSubscriptions()
        .forEach(s -> all.put(Fact.subscriptionKey(s.productId(), s.consumer()), s));
    pending
        .allSubscriptions()
        .forEach(s -> all.put(Fact.subscriptionKey(s.productId(), s.consumer()), s));
    return List.copyOf(all.values());
  }

  @Override
  public Optional<StoredPolicies> policies() {
    return pending.policies().or(base::policies);
  }
}
