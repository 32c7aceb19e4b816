package dev.datamesh.registry.subjects;

import dev.datamesh.registry.GovernanceViolation;
import dev.datamesh.registry.ProductSubject;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.SchemaChange;
import dev.datamesh.registry.SubjectGovernance;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.CompatibilityResult;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.ParsedSchema;
import dev.datamesh.registry.schema.PreviousSchema;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.RuleSetValidator;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.Mode;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredSchema;
import dev.datamesh.registry.store.SubjectVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongSupplier;

/**
 * {@code POST /subjects/{subject}/versions}: Confluent's registration semantics as a decision on
 * the current state — parse and canonicalise, inherit metadata and rules, answer idempotently, ask
 * governance, check compatibility, then bind version and id. Thread-safe (stateless).
 */
final class Registration {
  private final SubjectRules rules;
  private final CompatibilityChecker checker;
  private final RuleSetValidator ruleSetValidator;
  private final SubjectGovernance governance;
  private final LongSupplier clock;

  Registration(
      SubjectRules rules,
      CompatibilityChecker checker,
      RuleSetValidator ruleSetValidator,
      SubjectGovernance governance,
      LongSupplier clock) {
    this.rules = rules;
    this.checker = checker;
    this.ruleSetValidator = ruleSetValidator;
    this.governance = governance;
    this.clock = clock;
  }

  /** What the request asked for besides the body. */
  record Options(Boolean normalize, boolean force) {}

  Decision<Outcome<SchemaView>> decide(
      RegistryState state, String subject, SchemaRequest request, Options options) {
    Optional<String> badSubject = SubjectRules.subjectProblem(subject);
    if (badSubject.isPresent()) {
      return refuse(RegistryErrorCode.INVALID_SUBJECT, badSubject.get());
    }
    Mode mode = rules.effectiveMode(state, subject);
    if (mode.readOnly()) {
      return refuse(
          RegistryErrorCode.OPERATION_NOT_PERMITTED,
          "Subject " + subject + " is in read-only mode");
    }
    boolean importing = mode == Mode.IMPORT;
    if (importing && request.id() == null) {
      return refuse(
          RegistryErrorCode.OPERATION_NOT_PERMITTED,
          "Subject " + subject + " is in import mode: a registration must carry its id");
    }
    List<String> ruleProblems = ruleSetValidator.problems(request.ruleSet());
    if (!ruleProblems.isEmpty()) {
      return refuse(
          RegistryErrorCode.INVALID_RULESET,
          "Invalid rule set: " + String.join("; ", ruleProblems));
    }
    Outcome<Resolved> resolved = rules.resolve(state, request, !importing);
    if (resolved instanceof Outcome.Failed<Resolved> f) {
      return Decision.answer(new Outcome.Failed<>(f.error()));
    }
    Resolved schema = ((Outcome.Ok<Resolved>) resolved).value();
    CompatibilityConfig config = rules.effectiveConfig(state, subject);
    boolean normalize =
        Boolean.TRUE.equals(options.normalize()) || Boolean.TRUE.equals(config.normalize());
    String canonical = schema.parsed().canonical(normalize);

    SortedMap<Integer, SubjectVersion> all = state.versions(subject);
    SortedMap<Integer, SubjectVersion> live = SubjectRules.visible(state, subject, false);
    Optional<StoredSchema> latest =
        live.isEmpty() ? Optional.empty() : state.schema(live.get(live.lastKey()).id());
    Metadata metadata =
        inheritMetadata(
            request.metadata(), latest.map(StoredSchema::metadata).orElse(null), config);
    RuleSet ruleSet =
        inheritRuleSet(request.ruleSet(), latest.map(StoredSchema::ruleSet).orElse(null), config);
    List<String> mergedProblems = ruleSetValidator.problems(ruleSet);
    if (!mergedProblems.isEmpty()) {
      return refuse(
          RegistryErrorCode.INVALID_RULESET,
          "Invalid rule set after merging the configured rules: "
              + String.join("; ", mergedProblems));
    }

    Optional<SubjectVersion> same = sameLiveVersion(state, live, schema, metadata, ruleSet);
    if (same.isPresent()) {
      return Decision.answer(Outcome.ok(SubjectRules.view(state, same.get())));
    }

    int version = all.isEmpty() ? 1 : all.lastKey() + 1;
    if (request.version() != null) {
      if (importing) {
        if (request.version() < 1 || all.containsKey(request.version())) {
          return refuse(
              RegistryErrorCode.INVALID_VERSION,
              "Version "
                  + request.version()
                  + " of subject '"
                  + subject
                  + "' cannot be imported:"
                  + " it is not a free version number");
        }
        version = request.version();
      } else if (request.version() != version) {
        return refuse(
            RegistryErrorCode.INVALID_VERSION,
            "The specified version '"
                + request.version()
                + "' is not valid: the next version of subject '"
                + subject
                + "' is "
                + version);
      }
    }
    if (metadata != null && metadata.properties().containsKey(Metadata.VERSION_PROPERTY)) {
      metadata = metadata.withVersion(version);
    }

    SchemaIdentity identity =
        SchemaIdentity.of(SubjectRules.AVRO, canonical, schema.references(), metadata, ruleSet);
    Optional<StoredSchema> existing = state.schemaByIdentity(identity.hash());
    int id;
    if (importing) {
      id = request.id();
      Optional<StoredSchema> atId = state.schema(id);
      if (id < 1
          || (atId.isPresent() && !atId.get().identity().equals(identity.hash()))
          || (existing.isPresent() && existing.get().id() != id)) {
        return refuse(
            RegistryErrorCode.ID_DOES_NOT_MATCH,
            "Overwrite new schema with id " + id + " is not permitted.");
      }
    } else {
      id = existing.map(StoredSchema::id).orElse(state.maxSchemaId() + 1);
      if (request.id() != null && request.id() != id) {
        return refuse(
            RegistryErrorCode.OPERATION_NOT_PERMITTED,
            "Subject "
                + subject
                + " is not in import mode: the id of a new schema is assigned by the"
                + " registry ("
                + id
                + "), not "
                + request.id());
      }
    }

    if (!importing && !options.force()) {
      CompatibilityResult compatibility =
          checker.check(
              config.compatibilityLevel(),
              schema.parsed().schema(),
              previous(state, live, config, metadata));
      if (!compatibility.compatible()) {
        return refuse(
            RegistryErrorCode.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: ["
                + String.join(", ", compatibility.messages())
                + "]");
      }
    }

    // Governance after compatibility: an incompatible schema gets Confluent's 409 first; the
    // contract's own compatibility (whatever the subject's level) is then governance's to check.
    Optional<ProductSubject> product = ProductSubject.parse(subject);
    if (product.isPresent() && product.get().isContractSubject()) {
      List<GovernanceViolation> violations =
          governance.review(
              new SchemaChange(
                  subject,
                  product.get(),
                  schema.parsed().schema(),
                  canonical,
                  metadata,
                  ruleSet,
                  latest.map(StoredSchema::schema),
                  parsed(state, group(state, live, config, metadata)),
                  state.latestContract(product.get().productId())));
      if (!violations.isEmpty()) {
        return refuse(
            RegistryErrorCode.GOVERNANCE_VIOLATION, governanceMessage(product.get(), violations));
      }
    }

    List<Fact> facts = new ArrayList<>();
    if (existing.isEmpty() && state.schema(id).isEmpty()) {
      facts.add(
          new Fact.SchemaPut(
              new StoredSchema(
                  id,
                  SubjectRules.AVRO,
                  canonical,
                  schema.references(),
                  metadata,
                  ruleSet,
                  identity.hash(),
                  identity.guid())));
    }
    SubjectVersion created = new SubjectVersion(subject, version, id, false, clock.getAsLong());
    facts.add(new Fact.VersionPut(created));
    SchemaView view =
        new SchemaView(
            subject,
            version,
            id,
            identity.guid(),
            SubjectRules.AVRO,
            canonical,
            schema.references(),
            metadata,
            ruleSet,
            created.ts(),
            null);
    return new Decision<>(facts, Outcome.ok(view));
  }

  /**
   * A live version with the same schema (either canonical form), references, metadata and rules.
   */
  private static Optional<SubjectVersion> sameLiveVersion(
      RegistryState state,
      SortedMap<Integer, SubjectVersion> live,
      Resolved schema,
      Metadata metadata,
      RuleSet ruleSet) {
    ParsedSchema parsed = schema.parsed();
    for (SubjectVersion v : live.values()) {
      StoredSchema s = state.schema(v.id()).orElse(null);
      if (s != null
          && parsed.matches(s.schema())
          && s.references().equals(schema.references())
          && Objects.equals(withoutVersion(s.metadata()), withoutVersion(metadata))
          && Objects.equals(s.ruleSet(), ruleSet)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static Metadata withoutVersion(Metadata m) {
    if (m == null) {
      return null;
    }
    Metadata stripped = m.withoutVersion();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Request's own or the latest version's, then config default under and override over it. */
  static Metadata inheritMetadata(Metadata requested, Metadata latest, CompatibilityConfig config) {
    Metadata specific = requested != null ? requested : latest;
    Metadata merged =
        config.defaultMetadata() == null ? specific : config.defaultMetadata().mergedWith(specific);
    if (config.overrideMetadata() != null) {
      merged =
          merged == null ? config.overrideMetadata() : merged.mergedWith(config.overrideMetadata());
    }
    return merged == null || merged.isEmpty() ? null : merged;
  }

  static RuleSet inheritRuleSet(RuleSet requested, RuleSet latest, CompatibilityConfig config) {
    RuleSet specific = requested != null ? requested : latest;
    RuleSet merged =
        config.defaultRuleSet() == null ? specific : config.defaultRuleSet().mergedWith(specific);
    if (config.overrideRuleSet() != null) {
      merged =
          merged == null ? config.overrideRuleSet() : merged.mergedWith(config.overrideRuleSet());
    }
    return merged == null || merged.isEmpty() ? null : merged.withDefaults();
  }

  /** Live versions to check against, oldest first, within the compatibility group if one is set. */
  private List<PreviousSchema> previous(
      RegistryState state,
      SortedMap<Integer, SubjectVersion> live,
      CompatibilityConfig config,
      Metadata metadata) {
    if (config.compatibilityLevel() == CompatibilityLevel.NONE) {
      return List.of();
    }
    List<SubjectVersion> candidates = group(state, live, config, metadata);
    if (!config.compatibilityLevel().transitive() && candidates.size() > 1) {
      candidates = candidates.subList(candidates.size() - 1, candidates.size());
    }
    return parsed(state, candidates);
  }

  /** The live versions in the compatibility group of {@code metadata} (all without a group). */
  private static List<SubjectVersion> group(
      RegistryState state,
      SortedMap<Integer, SubjectVersion> live,
      CompatibilityConfig config,
      Metadata metadata) {
    String group = config.compatibilityGroup();
    String groupValue = group == null || metadata == null ? null : metadata.properties().get(group);
    List<SubjectVersion> candidates = new ArrayList<>();
    for (SubjectVersion v : live.values()) {
      StoredSchema s = state.schema(v.id()).orElse(null);
      String theirs =
          group == null || s == null || s.metadata() == null
              ? null
              : s.metadata().properties().get(group);
      if (s != null && (group == null || Objects.equals(groupValue, theirs))) {
        candidates.add(v);
      }
    }
    return candidates;
  }

  private List<PreviousSchema> parsed(RegistryState state, List<SubjectVersion> versions) {
    List<PreviousSchema> out = new ArrayList<>();
    for (SubjectVersion v : versions) {
      StoredSchema s = state.schema(v.id()).orElseThrow();
      rules
          .parseStored(state, s)
          .ifPresent(
              p -> out.add(new PreviousSchema(v.version(), p.parsed().schema(), s.schema())));
    }
    return out;
  }

  private static String governanceMessage(
      ProductSubject product, List<GovernanceViolation> violations) {
    StringBuilder sb =
        new StringBuilder("Schema violates the governance rules of data product ")
            .append(product.productId())
            .append(" (")
            .append(violations.size())
            .append(violations.size() == 1 ? " violation): " : " violations): ");
    for (int i = 0; i < violations.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(violations.get(i).describe());
    }
    return sb.toString();
  }

  private static <T> Decision<Outcome<T>> refuse(RegistryErrorCode code, String message) {
    return Decision.answer(Outcome.failed(code, message));
  }
}
