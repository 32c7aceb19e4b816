package dev.datamesh.registry.subjects;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Confluent Schema Registry operations, independent of HTTP. Reads answer from this instance's
 * replayed state; writes complete once their log records are applied here (and fail with a {@link
 * java.util.concurrent.TimeoutException} when the log cannot be written in time). Refusals are
 * {@link Outcome.Failed} values with Confluent error codes. Thread-safe.
 *
 * <p>{@code version} parameters take a number from 1, {@code latest} or {@code -1}; a null {@code
 * subject} on config and mode operations means the global setting.
 */
public interface RegistryOperations {

  Outcome<SchemaIdView> schemaById(int id, boolean fetchMaxId);

  Outcome<SchemaIdView> schemaByGuid(String guid);

  Outcome<List<String>> subjectsOfSchema(int id, boolean deleted);

  Outcome<List<SubjectVersionRef>> versionsOfSchema(int id, boolean deleted);

  /** The schema types this registry stores. */
  List<String> schemaTypes();

  /** Subjects with a live version (or also soft-deleted ones, or only those), paged. */
  List<String> subjects(String prefix, boolean deleted, boolean deletedOnly, int offset, int limit);

  Outcome<List<Integer>> versions(String subject, boolean deleted, boolean deletedOnly);

  Outcome<SchemaView> version(String subject, String version, boolean deleted);

  /** The latest version whose metadata properties contain every entry of {@code properties}. */
  Outcome<SchemaView> latestWithMetadata(
      String subject, Map<String, String> properties, boolean deleted);

  Outcome<List<Integer>> referencedBy(String subject, String version);

  /** The version of {@code subject} that has the request's schema. */
  Outcome<SchemaView> lookup(
      String subject, SchemaRequest request, Boolean normalize, boolean deleted);

  CompletableFuture<Outcome<SchemaView>> register(
      String subject, SchemaRequest request, Boolean normalize, boolean force);

  CompletableFuture<Outcome<List<Integer>>> deleteSubject(String subject, boolean permanent);

  CompletableFuture<Outcome<Integer>> deleteVersion(
      String subject, String version, boolean permanent);

  /** Checks against one version, or (null {@code version}) as a registration would. */
  Outcome<CompatibilityView> checkCompatibility(
      String subject, String version, SchemaRequest request, boolean verbose);

  Outcome<ConfigView> config(String subject, boolean defaultToGlobal);

  CompletableFuture<Outcome<ConfigUpdate>> updateConfig(String subject, ConfigUpdate update);

  CompletableFuture<Outcome<ConfigView>> deleteConfig(String subject);

  Outcome<ModeView> mode(String subject, boolean defaultToGlobal);

  CompletableFuture<Outcome<ModeView>> updateMode(String subject, ModeView update, boolean force);

  CompletableFuture<Outcome<ModeView>> deleteMode(String subject);
}
