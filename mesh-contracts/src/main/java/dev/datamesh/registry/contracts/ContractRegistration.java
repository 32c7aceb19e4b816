package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.ProductTopics;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.policies.ActivePolicies;
import dev.datamesh.registry.policies.CouncilPolicies;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.CompatibilityResult;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.PreviousSchema;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredContract;
import dev.datamesh.registry.store.StoredSchema;
import dev.datamesh.registry.store.SubjectVersion;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.SchemaRequest;
import dev.datamesh.registry.subjects.SchemaView;
import dev.datamesh.registry.subjects.SubjectRegistrar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@code POST /contracts} as a decision on the registry state: council policies, version rules (new
 * and higher than the latest; an identical re-post is answered as stored), compatibility with the
 * earlier versions of the same major under the contract's mode, then the contract's schema
 * registered under both value subjects (Confluent semantics, via {@link SubjectRegistrar}) with
 * their compatibility settings — all facts of one log transaction. Stateless and thread-safe; runs
 * on the writer thread (and as a read-only pre-check).
 */
final class ContractRegistration {
  private final SubjectRegistrar subjects;
  private final CouncilPolicies council;
  private final CompatibilityChecker checker;
  private final LongSupplier clock;

  ContractRegistration(
      SubjectRegistrar subjects,
      CouncilPolicies council,
      CompatibilityChecker checker,
      LongSupplier clock) {
    this.subjects = subjects;
    this.council = council;
    this.checker = checker;
    this.clock = clock;
  }

  Decision<ContractOutcome<StoredContract>> decide(RegistryState state, DataContract contract) {
    String productId = contract.productId().toString();
    List<StoredContract> existing = state.contracts(productId);
    JsonNode document = contract.document();
    for (StoredContract e : existing) {
      if (SemanticVersion.parse(e.version()).orElseThrow().compareTo(contract.version()) == 0) {
        return ContractDocuments.sameDocument(e, document)
            ? Decision.answer(ContractOutcome.ok(e))
            : refuse(
                versionConflict(
                    productId,
                    contract,
                    "is already registered with other"
                        + " content; contract versions are immutable, register a new version"));
      }
    }
    // An identical re-post is answered above even if the policies got stricter since.
    ActivePolicies policies = council.current(state);
    List<ContractViolation> broken = policies.policies().evaluate(contract);
    if (!broken.isEmpty()) {
      return refuse(
          ContractError.of(
              RegistryErrorCode.INVALID_CONTRACT,
              "The contract breaks the council's policies " + policies.version(),
              broken.stream().map(ViolationView::of).toList()));
    }
    if (!existing.isEmpty()) {
      StoredContract latest = existing.get(existing.size() - 1);
      if (SemanticVersion.parse(latest.version()).orElseThrow().compareTo(contract.version()) > 0) {
        return refuse(
            versionConflict(
                productId,
                contract,
                "is lower than the latest registered version " + latest.version()));
      }
    }
    CompatibilityResult compatibility = compatibility(state, contract);
    if (!compatibility.compatible()) {
      return refuse(incompatible(productId, contract, compatibility.messages()));
    }
    return register(state, contract, policies);
  }

  /** The contract's schema against the earlier versions of its major, under its own mode. */
  CompatibilityResult compatibility(RegistryState state, DataContract contract) {
    CompatibilityLevel level = CompatibilityLevel.valueOf(contract.compatibility().name());
    List<PreviousSchema> previous = new ArrayList<>();
    for (StoredContract e : state.contracts(contract.productId().toString())) {
      if (ContractDocuments.major(e) == contract.version().major()) {
        previousSchema(state, e).ifPresent(previous::add);
      }
    }
    return checker.check(level, contract.valueSchema(), previous);
  }

  private Optional<PreviousSchema> previousSchema(RegistryState state, StoredContract e) {
    Optional<StoredSchema> stored = state.schema(e.schemaId());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String raw = e.productId() + ".raw-value";
    int version =
        state.usages(e.schemaId()).stream()
            .filter(v -> v.subject().equals(raw))
            .mapToInt(SubjectVersion::version)
            .max()
            .orElse(0);
    try {
      return Optional.of(
          new PreviousSchema(
              version, new Schema.Parser().parse(stored.get().schema()), stored.get().schema()));
    } catch (SchemaParseException e1) {
      return Optional.empty();
    }
  }

  private Decision<ContractOutcome<StoredContract>> register(
      RegistryState state, DataContract contract, ActivePolicies policies) {
    ProductTopics topics = contract.topics();
    StoredContract provisional =
        new StoredContract(
            contract.productId().toString(),
            contract.version().toString(),
            contract.status().odcsValue(),
            contract.productId().domain(),
            contract.owner(),
            contract.compatibility().name(),
            0,
            clock.getAsLong(),
            policies.version(),
            contract.document().toString());
    List<Fact> settings = new ArrayList<>();
    settingsFact(state, topics.rawValueSubject(), contract).ifPresent(settings::add);
    settingsFact(state, topics.certifiedValueSubject(), contract).ifPresent(settings::add);
    // The provisional contract goes first so that governance sees the contract being registered.
    List<Fact> pending = new ArrayList<>();
    pending.add(new Fact.ContractPut(provisional));
    pending.addAll(settings);
    SchemaRequest request =
        new SchemaRequest(
            contract.valueSchema().toString(),
            "AVRO",
            List.of(),
            Metadata.ofProperties(
                Map.of(
                    ContractSubjects.MAJOR_PROPERTY, Integer.toString(contract.version().major()))),
            null,
            null,
            null);
    List<Fact> facts = new ArrayList<>(settings);
    int schemaId = 0;
    for (String subject : List.of(topics.rawValueSubject(), topics.certifiedValueSubject())) {
      Decision<Outcome<SchemaView>> registered =
          subjects.register(RegistryState.withPending(state, pending), subject, request);
      if (registered.result() instanceof Outcome.Failed<SchemaView> failed) {
        return refuse(subjectRefusal(subject, failed));
      }
      SchemaView view = ((Outcome.Ok<SchemaView>) registered.result()).value();
      if (schemaId == 0) {
        schemaId = view.id();
      }
      pending.addAll(registered.facts());
      facts.addAll(registered.facts());
    }
    StoredContract stored = provisional.withSchemaId(schemaId);
    facts.add(new Fact.ContractPut(stored));
    return new Decision<>(facts, ContractOutcome.ok(stored));
  }

  /** The subject's config with the contract's level and the major-version group, if it differs. */
  private Optional<Fact> settingsFact(RegistryState state, String subject, DataContract contract) {
    CompatibilityConfig current = state.config(subject).orElse(CompatibilityConfig.empty());
    CompatibilityConfig wanted =
        new CompatibilityConfig(
                CompatibilityLevel.valueOf(contract.compatibility().name()),
                null,
                ContractSubjects.MAJOR_PROPERTY,
                null,
                null,
                null,
                null,
                null)
            .over(current);
    return wanted.equals(current)
        ? Optional.empty()
        : Optional.of(new Fact.ConfigPut(subject, wanted));
  }

  private static ContractError subjectRefusal(String subject, Outcome.Failed<SchemaView> failed) {
    RegistryErrorCode code = failed.error().code();
    String message =
        "Registering the contract's schema under "
            + subject
            + " failed: "
            + failed.error().message();
    if (code == RegistryErrorCode.INCOMPATIBLE_SCHEMA) {
      return new ContractError(
          RegistryErrorCode.INCOMPATIBLE_CONTRACT,
          message,
          List.of(),
          Optional.of(new CompatibilityView(false, List.of(failed.error().message()))));
    }
    if (code == RegistryErrorCode.GOVERNANCE_VIOLATION) {
      return ContractError.of(RegistryErrorCode.INVALID_CONTRACT, message);
    }
    return ContractError.of(code, message);
  }

  private static ContractError versionConflict(
      String productId, DataContract contract, String why) {
    return ContractError.of(
        RegistryErrorCode.CONTRACT_VERSION_CONFLICT,
        "Version " + contract.version() + " of the contract of " + productId + " " + why,
        List.of(
            new ViolationView(
                RegistryErrorCode.CONTRACT_VERSION_CONFLICT.name(),
                "/version",
                "version " + contract.version() + " " + why)));
  }

  private static ContractError incompatible(
      String productId, DataContract contract, List<String> messages) {
    return new ContractError(
        RegistryErrorCode.INCOMPATIBLE_CONTRACT,
        "Version "
            + contract.version()
            + " of the contract of "
            + productId
            + " is not "
            + contract.compatibility()
            + " compatible with the earlier versions of major "
            + contract.version().major()
            + "; make it compatible or register a new major version",
        List.of(),
        Optional.of(new CompatibilityView(false, messages)));
  }

  private static Decision<ContractOutcome<StoredContract>> refuse(ContractError error) {
    return Decision.answer(ContractOutcome.refused(error));
  }
}
