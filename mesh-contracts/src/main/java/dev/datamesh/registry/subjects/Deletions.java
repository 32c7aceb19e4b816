package dev.datamesh.registry.subjects;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.SubjectVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Soft and permanent deletion of subjects and versions. Soft deletion hides versions but keeps
 * their ids resolvable; permanent deletion removes versions that were soft-deleted first (and, for
 * a whole subject, its subject-level config and mode). Schema ids are never freed.
 */
final class Deletions {
  private final SubjectRules rules;

  Deletions(SubjectRules rules) {
    this.rules = rules;
  }

  Decision<Outcome<List<Integer>>> subject(RegistryState state, String subject, boolean permanent) {
    if (rules.effectiveMode(state, subject).readOnly()) {
      return refuse(
          RegistryErrorCode.OPERATION_NOT_PERMITTED,
          "Subject " + subject + " is in read-only mode");
    }
    SortedMap<Integer, SubjectVersion> all = state.versions(subject);
    if (all.isEmpty()) {
      return refuse(RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    List<Fact> facts = new ArrayList<>();
    List<Integer> deleted = new ArrayList<>();
    boolean anyLive = all.values().stream().anyMatch(v -> !v.deleted());
    if (!permanent && !anyLive) {
      return refuse(
          RegistryErrorCode.SUBJECT_SOFT_DELETED,
          "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
    }
    if (permanent && anyLive) {
      return refuse(
          RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED,
          "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }
    for (SubjectVersion v : all.values()) {
      if (!permanent && v.deleted()) {
        continue;
      }
      Optional<String> referenced = referenced(state, v);
      if (referenced.isPresent()) {
        return refuse(RegistryErrorCode.REFERENCE_EXISTS, referenced.get());
      }
      facts.add(
          permanent
              ? new Fact.VersionRemoved(subject, v.version())
              : new Fact.VersionPut(v.softDeleted()));
      deleted.add(v.version());
    }
    if (permanent) {
      state.config(subject).ifPresent(c -> facts.add(new Fact.ConfigRemoved(subject)));
      state.mode(subject).ifPresent(m -> facts.add(new Fact.ModeRemoved(subject)));
    }
    return new Decision<>(facts, Outcome.ok(List.copyOf(deleted)));
  }

  Decision<Outcome<Integer>> version(
      RegistryState state, String subject, String versionText, boolean permanent) {
    Optional<VersionSelector> selector = VersionSelector.parse(versionText);
    if (selector.isEmpty()) {
      return refuse(RegistryErrorCode.INVALID_VERSION, VersionSelector.invalidMessage(versionText));
    }
    if (rules.effectiveMode(state, subject).readOnly()) {
      return refuse(
          RegistryErrorCode.OPERATION_NOT_PERMITTED,
          "Subject " + subject + " is in read-only mode");
    }
    SortedMap<Integer, SubjectVersion> all = state.versions(subject);
    if (all.isEmpty()) {
      return refuse(RegistryErrorCode.SUBJECT_NOT_FOUND, SubjectRules.subjectNotFound(subject));
    }
    SortedMap<Integer, SubjectVersion> candidates =
        permanent ? all : SubjectRules.visible(state, subject, !selector.get().latest());
    Optional<SubjectVersion> target = selector.get().select(candidates);
    if (target.isEmpty()) {
      return refuse(RegistryErrorCode.VERSION_NOT_FOUND, "Version " + versionText + " not found.");
    }
    SubjectVersion v = target.get();
    if (!permanent && v.deleted()) {
      return refuse(
          RegistryErrorCode.VERSION_SOFT_DELETED,
          "Version "
              + v.version()
              + " of subject '"
              + subject
              + "' was soft deleted. Set permanent=true to delete permanently");
    }
    if (permanent && !v.deleted()) {
      return refuse(
          RegistryErrorCode.VERSION_NOT_SOFT_DELETED,
          "Version "
              + v.version()
              + " of subject '"
              + subject
              + "' was not deleted first before being permanently deleted");
    }
    Optional<String> referenced = referenced(state, v);
    if (referenced.isPresent()) {
      return refuse(RegistryErrorCode.REFERENCE_EXISTS, referenced.get());
    }
    Fact fact =
        permanent
            ? new Fact.VersionRemoved(subject, v.version())
            : new Fact.VersionPut(v.softDeleted());
    return new Decision<>(List.of(fact), Outcome.ok(v.version()));
  }

  private static Optional<String> referenced(RegistryState state, SubjectVersion v) {
    List<Integer> by = state.referencedBy(v.subject(), v.version());
    return by.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "One or more references exist to the schema {subject="
                + v.subject()
                + ",version="
                + v.version()
                + "}: schema ids "
                + by);
  }

  private static <T> Decision<Outcome<T>> refuse(RegistryErrorCode code, String message) {
    return Decision.answer(Outcome.failed(code, message));
  }
}
