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
}
