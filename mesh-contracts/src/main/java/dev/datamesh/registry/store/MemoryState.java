package dev.datamesh.registry.store;

import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state machine the log is applied to: the newest fact per key, plus indexes. Applying a fact
 * depends only on that fact (no "first writer wins" decisions), which is what makes a compacted
 * replay equal to a full one. Not thread-safe: {@link KafkaContractLog} guards it with a read-write
 * lock.
 */
final class MemoryState implements RegistryStateMachine {
  private static final Comparator<SubjectVersion> BY_SUBJECT_VERSION =
      Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version);

  private final TreeMap<Integer, StoredSchema> schemas = new TreeMap<>();
  private final Map<String, Integer> idByIdentity = new HashMap<>();
  private final Map<String, Integer> idByGuid = new HashMap<>();
  private final TreeMap<String, TreeMap<Integer, SubjectVersion>> subjects = new TreeMap<>();
  private final Map<Integer, TreeSet<SubjectVersion>> usages = new HashMap<>();
  private final Map<String, CompatibilityConfig> configs = new HashMap<>();
  private final Map<String, Mode> modes = new HashMap<>();
  private final TreeMap<String, TreeMap<SemanticVersion, StoredContract>> contracts =
      new TreeMap<>();
  private final TreeMap<String, TreeMap<String, StoredSubscription>> subscriptions =
      new TreeMap<>();
  private CompatibilityConfig globalConfig;
  private Mode globalMode;
  private StoredPolicies policies;

  @Override
  public void apply(Fact fact) {
    if (fact instanceof Fact.SchemaPut p) {
      putSchema(p.schema());
    } else if (fact instanceof Fact.VersionPut p) {
      removeVersion(p.version().subject(), p.version().version());
      putVersion(p.version());
    } else if (fact instanceof Fact.VersionRemoved r) {
      removeVersion(r.subject(), r.version());
    } else if (fact instanceof Fact.ConfigPut p) {
      if (p.subject() == null) {
        globalConfig = p.config();
      } else {
        configs.put(p.subject(), p.config());
      }
    } else if (fact instanceof Fact.ConfigRemoved r) {
      if (r.subject() == null) {
        globalConfig = null;
      } else {
        configs.remove(r.subject());
      }
    } else if (fact instanceof Fact.ModePut p) {
      if (p.subject() == null) {
        globalMode = p.mode();
      } else {
        modes.put(p.subject(), p.mode());
      }
    } else if (fact instanceof Fact.ModeRemoved r) {
      if (r.subject() == null) {
        globalMode = null;
      } else {
        modes.remove(r.subject());
      }
    } else if (fact instanceof Fact.ContractPut p) {
      putContract(p.contract());
    } else if (fact instanceof Fact.PoliciesPut p) {
      policies = p.policies();
    } else if (fact instanceof Fact.SubscriptionPut p) {
      StoredSubscription s = p.subscription();
      subscriptions.computeIfAbsent(s.productId(), k -> new TreeMap<>()).put(s.consumer(), s);
    }
  }

  private void putContract(StoredContract contract) {
    SemanticVersion version =
        SemanticVersion.parse(contract.version())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("not a semantic version: " + contract.version()));
    contracts.computeIfAbsent(contract.productId(), p -> new TreeMap<>()).put(version, contract);
  }

  private void putSchema(StoredSchema schema) {
    StoredSchema previous = schemas.put(schema.id(), schema);
    if (previous != null) {
      idByIdentity.remove(previous.identity());
      idByGuid.remove(previous.guid());
    }
    idByIdentity.put(schema.identity(), schema.id());
    idByGuid.put(schema.guid(), schema.id());
  }

  private void putVersion(SubjectVersion v) {
    subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
    usages.computeIfAbsent(v.id(), id -> new TreeSet<>(BY_SUBJECT_VERSION)).add(v);
  }

  private void removeVersion(String subject, int version) {
    TreeMap<Integer, SubjectVersion> versions = subjects.get(subject);
    if (versions == null) {
      return;
    }
    SubjectVersion removed = versions.remove(version);
    if (versions.isEmpty()) {
      subjects.remove(subject);
    }
    if (removed != null) {
      TreeSet<SubjectVersion> users = usages.get(removed.id());
      if (users != null) {
        users.remove(removed);
        if (users.isEmpty()) {
          usages.remove(removed.id());
        }
      }
    }
  }

  @Override
  public Optional<StoredSchema> schema(int id) {
    return Optional.ofNullable(schemas.get(id));
  }

  @Override
  public Optional<StoredSchema> schemaByIdentity(String identity) {
    return Optional.ofNullable(idByIdentity.get(identity)).map(schemas::get);
  }

  @Override
  public Optional<StoredSchema> schemaByGuid(String guid) {
    return Optional.ofNullable(idByGuid.get(guid)).map(schemas::get);
  }

  @Override
  public int maxSchemaId() {
    return schemas.isEmpty() ? 0 : schemas.lastKey();
  }

  @Override
  public SortedSet<String> subjects() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(subjects.keySet()));
  }

  @Override
  public SortedMap<Integer, SubjectVersion> versions(String subject) {
    TreeMap<Integer, SubjectVersion> versions = subjects.get(subject);
    return versions == null
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(versions));
  }

  @Override
  public List<SubjectVersion> usages(int id) {
    TreeSet<SubjectVersion> users = usages.get(id);
    return users == null ? List.of() : List.copyOf(users);
  }

  @Override
  public List<Integer> referencedBy(String subject, int version) {
    List<Integer> ids = new ArrayList<>();
    for (StoredSchema s : schemas.values()) {
      for (SchemaReference r : s.references()) {
        if (r.subject().equals(subject) && r.version() == version && usages.containsKey(s.id())) {
          ids.add(s.id());
          break;
        }
      }
    }
    return ids;
  }

  @Override
  public Optional<CompatibilityConfig> config(String subject) {
    return Optional.ofNullable(subject == null ? globalConfig : configs.get(subject));
  }

  @Override
  public Optional<Mode> mode(String subject) {
    return Optional.ofNullable(subject == null ? globalMode : modes.get(subject));
  }

  @Override
  public SortedSet<String> contractProducts() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(contracts.keySet()));
  }

  @Override
  public List<StoredContract> contracts(String productId) {
    TreeMap<SemanticVersion, StoredContract> versions = contracts.get(productId);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  @Override
  public List<StoredSubscription> subscriptions(String productId) {
    TreeMap<String, StoredSubscription> byConsumer = subscriptions.get(productId);
    return byConsumer == null ? List.of() : List.copyOf(byConsumer.values());
  }

  @Override
  public List<StoredSubscription> allSubscriptions() {
    List<StoredSubscription> all = new ArrayList<>();
    subscriptions.values().forEach(m -> all.addAll(m.values()));
    return List.copyOf(all);
  }

  @Override
  public Optional<StoredPolicies> policies() {
    return Optional.ofNullable(policies);
  }
}
