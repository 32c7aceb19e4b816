package dev.datamesh.registry.subjects;

import dev.datamesh.registry.SubjectGovernance;
import dev.datamesh.registry.schema.AvroSchemaParser;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.RuleSetValidator;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.RegistryState;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link RegistryOperations} on the {@link ContractLog}: reads under its lock, writes through it.
 */
@Singleton
final class LogBackedRegistry implements RegistryOperations, SubjectRegistrar {
  private final ContractLog log;
  private final Queries queries;
  private final Registration registration;
  private final Deletions deletions;
  private final Settings settings;
  private final SubjectRules rules;

  LogBackedRegistry(ContractLog log, RegistryConfig config, SubjectGovernance governance) {
    this.log = log;
    this.rules = new SubjectRules(config, AvroSchemaParser.standard());
    CompatibilityChecker checker = CompatibilityChecker.avro();
    RuleSetValidator ruleSets = RuleSetValidator.confluent();
    this.queries = new Queries(rules, checker);
    this.registration =
        new Registration(rules, checker, ruleSets, governance, System::currentTimeMillis);
    this.deletions = new Deletions(rules);
    this.settings = new Settings(rules, ruleSets);
  }

  @Override
  public Decision<Outcome<SchemaView>> register(
      RegistryState state, String subject, SchemaRequest request) {
    return registration.decide(state, subject, request, new Registration.Options(null, false));
  }

  @Override
  public CompatibilityConfig effectiveConfig(RegistryState state, String subject) {
    return rules.effectiveConfig(state, subject);
  }

  @Override
  public Outcome<SchemaIdView> schemaById(int id, boolean fetchMaxId) {
    return log.read(s -> queries.schemaById(s, id, fetchMaxId));
  }

  @Override
  public Outcome<SchemaIdView> schemaByGuid(String guid) {
    return log.read(s -> queries.schemaByGuid(s, guid));
  }

  @Override
  public Outcome<List<String>> subjectsOfSchema(int id, boolean deleted) {
    return log.read(s -> queries.subjectsOfSchema(s, id, deleted));
  }

  @Override
  public Outcome<List<SubjectVersionRef>> versionsOfSchema(int id, boolean deleted) {
    return log.read(s -> queries.versionsOfSchema(s, id, deleted));
  }

  @Override
  public List<String> schemaTypes() {
    return List.of(SubjectRules.AVRO);
  }

  @Override
  public List<String> subjects(
      String prefix, boolean deleted, boolean deletedOnly, int offset, int limit) {
    return log.read(s -> queries.subjects(s, prefix, deleted, deletedOnly, offset, limit));
  }

  @Override
  public Outcome<List<Integer>> versions(String subject, boolean deleted, boolean deletedOnly) {
    return log.read(s -> queries.versions(s, subject, deleted, deletedOnly));
  }

  @Override
  public Outcome<SchemaView> version(String subject, String version, boolean deleted) {
    return log.read(s -> queries.version(s, subject, version, deleted));
  }

  @Override
  public Outcome<SchemaView> latestWithMetadata(
      String subject, Map<String, String> properties, boolean deleted) {
    return log.read(s -> queries.latestWithMetadata(s, subject, properties, deleted));
  }

  @Override
  public Outcome<List<Integer>> referencedBy(String subject, String version) {
    return log.read(s -> queries.referencedBy(s, subject, version));
  }

  @Override
  public Outcome<SchemaView> lookup(
      String subject, SchemaRequest request, Boolean normalize, boolean deleted) {
    return log.read(s -> queries.lookup(s, subject, request, normalize, deleted));
  }

  @Override
  public CompletableFuture<Outcome<SchemaView>> register(
      String subject, SchemaRequest request, Boolean normalize, boolean force) {
    Registration.Options options = new Registration.Options(normalize, force);
    return log.write(s -> registration.decide(s, subject, request, options));
  }

  @Override
  public CompletableFuture<Outcome<List<Integer>>> deleteSubject(
      String subject, boolean permanent) {
    return log.write(s -> deletions.subject(s, subject, permanent));
  }

  @Override
  public CompletableFuture<Outcome<Integer>> deleteVersion(
      String subject, String version, boolean permanent) {
    return log.write(s -> deletions.version(s, subject, version, permanent));
  }

  @Override
  public Outcome<CompatibilityView> checkCompatibility(
      String subject, String version, SchemaRequest request, boolean verbose) {
    return log.read(s -> queries.compatibility(s, subject, version, request, verbose));
  }

  @Override
  public Outcome<ConfigView> config(String subject, boolean defaultToGlobal) {
    return log.read(s -> settings.config(s, subject, defaultToGlobal));
  }

  @Override
  public CompletableFuture<Outcome<ConfigUpdate>> updateConfig(
      String subject, ConfigUpdate update) {
    return log.write(s -> settings.updateConfig(s, subject, update));
  }

  @Override
  public CompletableFuture<Outcome<ConfigView>> deleteConfig(String subject) {
    return log.write(s -> settings.deleteConfig(s, subject));
  }

  @Override
  public Outcome<ModeView> mode(String subject, boolean defaultToGlobal) {
    return log.read(s -> settings.mode(s, subject, defaultToGlobal));
  }

  @Override
  public CompletableFuture<Outcome<ModeView>> updateMode(
      String subject, ModeView update, boolean force) {
    return log.write(s -> settings.updateMode(s, subject, update, force));
  }

  @Override
  public CompletableFuture<Outcome<ModeView>> deleteMode(String subject) {
    return log.write(s -> settings.deleteMode(s, subject));
  }
}
