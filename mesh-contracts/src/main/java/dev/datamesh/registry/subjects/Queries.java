package dev.datamesh.registry.subjects;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.CompatibilityResult;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.PreviousSchema;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredSchema;
import dev.datamesh.registry.store.SubjectVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/** The read side of the Confluent API, as functions of the registry state. Thread-safe. */
final class Queries {
  private final SubjectRules rules;
  private final CompatibilityChecker checker;

  Queries(SubjectRules rules, CompatibilityChecker checker) {
    this.rules = rules;
    this.checker = checker;
  }

  Outcome<SchemaIdView> schemaById(RegistryState state, int id, boolean fetchMaxId) {
    Optional<StoredSchema> s = state.schema(id).filter(x -> !state.usages(id).isEmpty());
    if (s.isEmpty()) {
      return Outcome.failed(RegistryErrorCode.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return Outcome.ok(idView(s.get(), fetchMaxId ? state.maxSchemaId() : null));
  }

  Outcome<SchemaIdView> schemaByGuid(RegistryState state, String guid) {
    Optional<StoredSchema> s =
        state.schemaByGuid(guid).filter(x -> !state.usages(x.id()).isEmpty());
    if (s.isEmpty()) {
      return Outcome.failed(RegistryErrorCode.SCHEMA_NOT_FOUND, "Schema " + guid + " not found");
    }
    return Outcome.ok(idView(s.get(), null));
  }

  private static SchemaIdView idView(StoredSchema s, Integer maxId) {
    return new SchemaIdView(
        s.schemaType(), s.schema(), s.references(), s.metadata(), s.ruleSet(), s.guid(), maxId);
  }

  Outcome<List<SubjectVersion>> usages(RegistryState state, int id, boolean deleted) {
    List<SubjectVersion> all = state.usages(id);
    if (state.schema(id).isEmpty() || all.isEmpty()) {
      return Outcome.failed(RegistryErrorCode.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return Outcome.ok(all.stream().filter(v -> deleted || !v.deleted()).toList());
  }

  Outcome<List<String>> subjectsOfSchema(RegistryState state, int id, boolean deleted) {
    return map(
        usages(state, id, deleted),
        vs -> List.copyOf(new LinkedHashSet<>(vs.stream().map(SubjectVersion::subject).toList())));
  }

  Outcome<List<SubjectVersionRef>> versionsOfSchema(RegistryState state, int id, boolean deleted) {
    return map(
        usages(state, id, deleted),
        vs -> vs.stream().map(v -> new SubjectVersionRef(v.subject(), v.version())).toList());
  }

  List<String> subjects(
      RegistryState state,
      String prefix,
      boolean deleted,
      boolean deletedOnly,
      int offset,
      int limit) {
    List<String> out = new ArrayList<>();
    for (String subject : state.subjects()) {
      if (prefix != null && !subject.startsWith(prefix)) {
        continue;
      }
      boolean anyLive = false;
      boolean anyDeleted = false;
      for (SubjectVersion v : state.versions(subject).values()) {
        anyLive |= !v.deleted();
        anyDeleted |= v.deleted();
      }
      boolean include = deletedOnly ? anyDeleted : deleted || anyLive;
      if (include) {
        out.add(subject);
      }
    }
    return page(out, offset, limit);
  }

  Outcome<List<Integer>> versions(
      RegistryState state, String subject, boolean deleted, boolean deletedOnly) {
    SortedMap<Integer, SubjectVersion> all = state.versions(subject);
    List<Integer> out = new ArrayList<>();
    all.forEach(
        (n, v) -> {
          if (deletedOnly ? v.deleted() : deleted || !v.deleted()) {
            out.add(n);
          }
        });
    if (all.isEmpty() || (out.isEmpty() && !deletedOnly)) {
      return Outcome.failed(
          RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    return Outcome.ok(out);
  }

  Outcome<SchemaView> version(
      RegistryState state, String subject, String versionText, boolean deleted) {
    Optional<VersionSelector> selector = VersionSelector.parse(versionText);
    if (selector.isEmpty()) {
      return Outcome.failed(
          RegistryErrorCode.INVALID_VERSION, VersionSelector.invalidMessage(versionText));
    }
    SortedMap<Integer, SubjectVersion> visible = SubjectRules.visible(state, subject, deleted);
    if (visible.isEmpty()) {
      return Outcome.failed(
          RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    return selector
        .get()
        .select(visible)
        .map(v -> Outcome.ok(SubjectRules.view(state, v)))
        .orElseGet(
            () ->
                Outcome.failed(
                    RegistryErrorCode.VERSION_NOT_FOUND, "Version " + versionText + " not found."));
  }

  Outcome<SchemaView> latestWithMetadata(
      RegistryState state, String subject, Map<String, String> properties, boolean deleted) {
    SortedMap<Integer, SubjectVersion> visible = SubjectRules.visible(state, subject, deleted);
    if (visible.isEmpty()) {
      return Outcome.failed(
          RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    List<SubjectVersion> newestFirst = new ArrayList<>(visible.values());
    Collections.reverse(newestFirst);
    for (SubjectVersion v : newestFirst) {
      Metadata m = state.schema(v.id()).map(StoredSchema::metadata).orElse(null);
      Map<String, String> props = m == null ? Map.of() : m.properties();
      if (properties.entrySet().stream()
          .allMatch(e -> Objects.equals(props.get(e.getKey()), e.getValue()))) {
        return Outcome.ok(SubjectRules.view(state, v));
      }
    }
    return Outcome.failed(
        RegistryErrorCode.SCHEMA_NOT_FOUND,
        "No version of subject '" + subject + "' has metadata properties " + properties);
  }

  Outcome<List<Integer>> referencedBy(RegistryState state, String subject, String versionText) {
    return map(
        version(state, subject, versionText, true), v -> state.referencedBy(subject, v.version()));
  }

  Outcome<SchemaView> lookup(
      RegistryState state,
      String subject,
      SchemaRequest request,
      Boolean normalize,
      boolean deleted) {
    SortedMap<Integer, SubjectVersion> visible = SubjectRules.visible(state, subject, deleted);
    if (visible.isEmpty()) {
      return Outcome.failed(
          RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    Outcome<Resolved> resolved = rules.resolve(state, request, false);
    if (resolved instanceof Outcome.Failed<Resolved> f) {
      return new Outcome.Failed<>(f.error());
    }
    Resolved schema = ((Outcome.Ok<Resolved>) resolved).value();
    List<SubjectVersion> newestFirst = new ArrayList<>(visible.values());
    Collections.reverse(newestFirst);
    for (SubjectVersion v : newestFirst) {
      StoredSchema s = state.schema(v.id()).orElse(null);
      if (s != null
          && schema.parsed().matches(s.schema())
          && s.references().equals(schema.references())
          && sameOrInherited(request.metadata(), s.metadata())
          && (request.ruleSet() == null || request.ruleSet().withDefaults().equals(s.ruleSet()))) {
        return Outcome.ok(SubjectRules.view(state, v));
      }
    }
    return Outcome.failed(RegistryErrorCode.SCHEMA_NOT_FOUND, "Schema not found");
  }

  private static boolean sameOrInherited(Metadata requested, Metadata stored) {
    if (requested == null) {
      return true;
    }
    Metadata a = requested.withoutVersion();
    Metadata b = stored == null ? null : stored.withoutVersion();
    return b == null ? a.isEmpty() : a.equals(b);
  }

  Outcome<CompatibilityView> compatibility(
      RegistryState state,
      String subject,
      String versionText,
      SchemaRequest request,
      boolean verbose) {
    SortedMap<Integer, SubjectVersion> live = SubjectRules.visible(state, subject, false);
    List<SubjectVersion> targets;
    CompatibilityLevel level = rules.level(state, subject);
    if (versionText == null) {
      targets = new ArrayList<>(live.values());
    } else {
      Optional<VersionSelector> selector = VersionSelector.parse(versionText);
      if (selector.isEmpty()) {
        return Outcome.failed(
            RegistryErrorCode.INVALID_VERSION, VersionSelector.invalidMessage(versionText));
      }
      if (live.isEmpty() && selector.get().latest()) {
        targets = List.of();
      } else if (live.isEmpty()) {
        return Outcome.failed(
            RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
      } else {
        Optional<SubjectVersion> target = selector.get().select(live);
        if (target.isEmpty()) {
          return Outcome.failed(
              RegistryErrorCode.VERSION_NOT_FOUND, "Version " + versionText + " not found.");
        }
        targets = List.of(target.get());
      }
    }
    Outcome<Resolved> resolved = rules.resolve(state, request, true);
    if (resolved instanceof Outcome.Failed<Resolved> f) {
      return verbose
          ? Outcome.ok(new CompatibilityView(false, List.of(f.error().message())))
          : new Outcome.Failed<>(f.error());
    }
    List<PreviousSchema> previous = new ArrayList<>();
    for (SubjectVersion v : targets) {
      StoredSchema s = state.schema(v.id()).orElseThrow();
      rules
          .parseStored(state, s)
          .ifPresent(
              p -> previous.add(new PreviousSchema(v.version(), p.parsed().schema(), s.schema())));
    }
    CompatibilityResult result =
        checker.check(level, ((Outcome.Ok<Resolved>) resolved).value().parsed().schema(), previous);
    return Outcome.ok(
        new CompatibilityView(result.compatible(), verbose ? result.messages() : null));
  }

  private static <A, B> Outcome<B> map(Outcome<A> outcome, Function<A, B> f) {
    if (outcome instanceof Outcome.Ok<A> ok) {
      return Outcome.ok(f.apply(ok.value()));
    }
    return new Outcome.Failed<>(((Outcome.Failed<A>) outcome).error());
  }

  private static List<String> page(List<String> all, int offset, int limit) {
    int from = Math.min(Math.max(offset, 0), all.size());
    int to = limit < 0 ? all.size() : Math.min(all.size(), from + limit);
    return List.copyOf(all.subList(from, to));
  }
}
