package dev.datamesh.registry.store;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The registry's state as replayed from the log: read-only queries. Only valid inside {@link
 * ContractLog#read} / {@link ContractLog#write} callbacks; everything returned is an immutable
 * value or a copy, so results may leave the callback.
 */
public interface RegistryState {

  /** The schema with {@code id}, soft-deleted or not. */
  Optional<StoredSchema> schema(int id);

  /** The schema with this content identity (see {@link StoredSchema#identity()}). */
  Optional<StoredSchema> schemaByIdentity(String identity);

  /** The schema with this GUID. */
  Optional<StoredSchema> schemaByGuid(String guid);

  /** The highest id ever bound, 0 when none. */
  int maxSchemaId();

  /** Every subject that has at least one version (soft-deleted included), sorted. */
  SortedSet<String> subjects();

  /** The versions of {@code subject} (soft-deleted included) by number; empty when none. */
  SortedMap<Integer, SubjectVersion> versions(String subject);

  /** Every version (soft-deleted included) whose schema is {@code id}, by subject then version. */
  List<SubjectVersion> usages(int id);

  /** Ids of the schemas that reference {@code subject} version {@code version}, ascending. */
  List<Integer> referencedBy(String subject, int version);

  /** The subject-level (or, for a null subject, global) configuration, if set. */
  Optional<CompatibilityConfig> config(String subject);

  /** The subject-level (or, for a null subject, global) mode, if set. */
  Optional<Mode> mode(String subject);

  /** Every product id that has at least one registered contract version, sorted. */
  SortedSet<String> contractProducts();

  /** The registered contract versions of {@code productId}, oldest (lowest version) first. */
  List<StoredContract> contracts(String productId);

  /** The latest (highest version) contract of {@code productId}, if any. */
  default Optional<StoredContract> latestContract(String productId) {
    List<StoredContract> all = contracts(productId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The subscriptions to {@code productId} (every status), by consumer. */
  List<StoredSubscription> subscriptions(String productId);

  /** Every subscription of every product (every status), by product then consumer. */
  List<StoredSubscription> allSubscriptions();

  /** The subscription of {@code consumer} to {@code productId}, if ever requested. */
  default Optional<StoredSubscription> subscription(String productId, String consumer) {
    return subscriptions(productId).stream().filter(s -> s.consumer().equals(consumer)).findFirst();
  }

  /** The council's policies as last stored through the API, if ever. */
  Optional<StoredPolicies> policies();

  /**
   * A view of {@code base} with {@code pending} facts applied on top, without changing {@code
   * base}: lets one write decide several steps (e.g. a contract and both of its subjects) where a
   * later step must see the facts of an earlier one. Only puts are supported (no removals). Valid
   * as long as {@code base} is.
   *
   * @throws IllegalArgumentException if {@code pending} holds a removal
   */
  static RegistryState withPending(RegistryState base, List<Fact> pending) {
    return new PendingState(base, pending);
  }
}
