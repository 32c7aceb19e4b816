package dev.datamesh.registry.subjects;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.schema.AvroSchemaParser;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.ParseResult;
import dev.datamesh.registry.schema.SchemaReference;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Mode;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredSchema;
import dev.datamesh.registry.store.SubjectVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every subject operation needs: effective configuration and mode, schema resolution, and the
 * Confluent view of a version. Stateless besides its immutable settings; thread-safe.
 */
final class SubjectRules {
  static final String AVRO = "AVRO";
  private static final int MAX_SUBJECT_LENGTH = 1024;
  private static final int MAX_REFERENCE_DEPTH = 32;

  private final RegistryConfig config;
  private final AvroSchemaParser parser;

  SubjectRules(RegistryConfig config, AvroSchemaParser parser) {
    this.config = config;
    this.parser = parser;
  }

  /** Subject-level over global over the registry's defaults. */
  CompatibilityConfig effectiveConfig(RegistryState state, String subject) {
    CompatibilityConfig global =
        state.config(null).orElse(CompatibilityConfig.empty()).over(defaults());
    return subject == null ? global : state.config(subject).map(c -> c.over(global)).orElse(global);
  }

  /** The global configuration as answered by {@code GET /config}. */
  CompatibilityConfig defaults() {
    return new CompatibilityConfig(
        config.defaultCompatibility(), null, null, null, null, null, null, null);
  }

  CompatibilityLevel level(RegistryState state, String subject) {
    return effectiveConfig(state, subject).compatibilityLevel();
  }

  /** A global READONLY_OVERRIDE wins; else the subject's mode, the global mode, READWRITE. */
  Mode effectiveMode(RegistryState state, String subject) {
    Mode global = state.mode(null).orElse(Mode.READWRITE);
    if (global == Mode.READONLY_OVERRIDE || subject == null) {
      return global;
    }
    return state.mode(subject).orElse(global);
  }

  /** Empty when {@code subject} is acceptable as a subject name. */
  static Optional<String> subjectProblem(String subject) {
    if (subject == null || subject.isBlank()) {
      return Optional.of("Subject name must not be empty");
    }
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      return Optional.of("Subject name is longer than " + MAX_SUBJECT_LENGTH + " characters");
    }
    if (subject.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("Subject name must not contain control characters");
    }
    if (subject.equals("__GLOBAL") || subject.equals("__EMPTY")) {
      return Optional.of("Subject name " + subject + " is reserved");
    }
    return Optional.empty();
  }

  /** Checks the type, resolves references and parses the request's schema. */
  Outcome<Resolved> resolve(RegistryState state, SchemaRequest request, boolean validateDefaults) {
    String type =
        request.schemaType() == null ? AVRO : request.schemaType().trim().toUpperCase(Locale.ROOT);
    if (type.equals("JSON") || type.equals("PROTOBUF")) {
      return Outcome.failed(
          RegistryErrorCode.INVALID_SCHEMA,
          "Schema type " + type + " is not supported: this registry stores AVRO schemas only");
    }
    if (!type.equals(AVRO)) {
      return Outcome.failed(
          RegistryErrorCode.INVALID_SCHEMA, "Invalid schema type " + request.schemaType());
    }
    if (request.schema() == null || request.schema().isBlank()) {
      return Outcome.failed(RegistryErrorCode.INVALID_SCHEMA, "Invalid schema: empty schema");
    }
    List<String> referenced = new ArrayList<>();
    Optional<String> missing =
        collectReferences(state, request.references(), referenced, new HashSet<>(), 0);
    if (missing.isPresent()) {
      return Outcome.failed(RegistryErrorCode.INVALID_SCHEMA, "Invalid schema: " + missing.get());
    }
    ParseResult result = parser.parse(request.schema(), referenced, validateDefaults);
    if (result instanceof ParseResult.Invalid invalid) {
      return Outcome.failed(
          RegistryErrorCode.INVALID_SCHEMA, "Invalid schema: " + invalid.message());
    }
    return Outcome.ok(new Resolved(((ParseResult.Valid) result).parsed(), request.references()));
  }

  /** Parses a stored schema (its references resolved from the state). */
  Optional<Resolved> parseStored(RegistryState state, StoredSchema stored) {
    return resolve(
                state,
                new SchemaRequest(
                    stored.schema(),
                    stored.schemaType(),
                    stored.references(),
                    null,
                    null,
                    null,
                    null),
                false)
            instanceof Outcome.Ok<Resolved> ok
        ? Optional.of(ok.value())
        : Optional.empty();
  }

  private Optional<String> collectReferences(
      RegistryState state,
      List<SchemaReference> references,
      List<String> out,
      Set<String> seen,
      int depth) {
    if (depth > MAX_REFERENCE_DEPTH) {
      return Optional.of("references nest deeper than " + MAX_REFERENCE_DEPTH);
    }
    for (SchemaReference ref : references) {
      if (ref == null || ref.subject() == null) {
        return Optional.of("a reference has no subject");
      }
      String key = ref.version() + ":" + ref.subject();
      if (!seen.add(key)) {
        continue;
      }
      SubjectVersion v = state.versions(ref.subject()).get(ref.version());
      Optional<StoredSchema> target = v == null ? Optional.empty() : state.schema(v.id());
      if (target.isEmpty()) {
        return Optional.of(
            "reference '"
                + ref.name()
                + "' to subject '"
                + ref.subject()
                + "' version "
                + ref.version()
                + " not found");
      }
      Optional<String> nested =
          collectReferences(state, target.get().references(), out, seen, depth + 1);
      if (nested.isPresent()) {
        return nested;
      }
      out.add(target.get().schema());
    }
    return Optional.empty();
  }

  /** The versions of {@code subject} that are visible: live ones, or all with {@code deleted}. */
  static SortedMap<Integer, SubjectVersion> visible(
      RegistryState state, String subject, boolean deleted) {
    SortedMap<Integer, SubjectVersion> all = state.versions(subject);
    if (deleted) {
      return all;
    }
    SortedMap<Integer, SubjectVersion> live = new TreeMap<>();
    all.forEach(
        (n, v) -> {
          if (!v.deleted()) {
            live.put(n, v);
          }
        });
    return live;
  }

  /** The Confluent Schema object of a version. */
  static SchemaView view(RegistryState state, SubjectVersion v) {
    StoredSchema s =
        state
            .schema(v.id())
            .orElseThrow(() -> new IllegalStateException("version without schema " + v));
    return new SchemaView(
        v.subject(),
        v.version(),
        v.id(),
        s.guid(),
        s.schemaType(),
        s.schema(),
        s.references(),
        s.metadata(),
        s.ruleSet(),
        v.ts(),
        v.deleted() ? Boolean.TRUE : null);
  }

  static String subjectNotFound(String subject) {
    return "Subject '" + subject + "' not found.";
  }
}
