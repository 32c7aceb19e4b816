package dev.datamesh.registry.contracts;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.policies.ActivePolicies;
import dev.datamesh.registry.policies.CouncilPolicies;
import dev.datamesh.registry.provisioning.AclProvisioner;
import dev.datamesh.registry.provisioning.ProvisioningResult;
import dev.datamesh.registry.provisioning.TopicProvisioner;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredContract;
import dev.datamesh.registry.subjects.SubjectRegistrar;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContractOperations} on the {@link ContractLog}. A registration is decided once as a
 * read-only pre-check, then the product's topics are created (idempotent, so nothing is lost when
 * the write afterwards fails or is refused: a retry reuses them), then the decision is made again
 * on the writer and its facts appended in one transaction — so the log never holds a contract
 * without its schema and subjects, nor a contract whose topics could not be created.
 */
@Singleton
final class LogBackedContracts implements ContractOperations {
  private static final Logger LOG = LoggerFactory.getLogger(LogBackedContracts.class);

  private final ContractLog log;
  private final CouncilPolicies council;
  private final TopicProvisioner provisioner;
  private final AclProvisioner acls;
  private final ContractDocuments documents;
  private final ContractRegistration registration;
  private final ContractDiffer differ;
  private final int maxBytes;
  private final ConcurrentMap<GovernancePolicies, ContractLoader> loaders =
      new ConcurrentHashMap<>();

  LogBackedContracts(
      ContractLog log,
      CouncilPolicies council,
      TopicProvisioner provisioner,
      AclProvisioner acls,
      ContractDocuments documents,
      SubjectRegistrar subjects,
      ContractsConfig config) {
    this.log = log;
    this.council = council;
    this.provisioner = provisioner;
    this.acls = acls;
    this.documents = documents;
    CompatibilityChecker checker = CompatibilityChecker.avro();
    this.registration =
        new ContractRegistration(subjects, council, checker, System::currentTimeMillis);
    this.differ = new ContractDiffer(checker);
    this.maxBytes = config.maxBytes();
  }

  @Override
  public CompletableFuture<ContractOutcome<ContractView>> register(
      byte[] body, String contentType, OwnerCheck owner) {
    ContractOutcome<DataContract> loaded = load(body, contentType);
    if (!(loaded instanceof ContractOutcome.Ok<DataContract> ok)) {
      return done(refusedAs(loaded));
    }
    DataContract contract = ok.value();
    Optional<RegistryError> denied = owner.check(contract.productId());
    if (denied.isPresent()) {
      return done(ContractOutcome.refused(ContractError.of(denied.get())));
    }
    Decision<ContractOutcome<StoredContract>> pre =
        log.read(state -> registration.decide(state, contract));
    if (pre.result() instanceof ContractOutcome.Refused<StoredContract> refused) {
      return done(ContractOutcome.refused(refused.error()));
    }
    ProvisioningResult topics = provisioner.provision(contract);
    if (!topics.ok()) {
      return done(
          ContractOutcome.refused(
              ContractError.of(
                  RegistryErrorCode.PROVISIONING_FAILED,
                  "Creating the topics of "
                      + contract.productId()
                      + " failed, nothing was stored (retry once Kafka is back): "
                      + topics.failure().orElse(""))));
    }
    ProvisioningResult grants = acls.grantProduct(contract.productId());
    if (!grants.ok()) {
      return done(
          ContractOutcome.refused(
              ContractError.of(
                  RegistryErrorCode.PROVISIONING_FAILED,
                  "Granting the ACLs of "
                      + contract.productId()
                      + " failed, nothing was stored (retry): "
                      + grants.failure().orElse(""))));
    }
    if (pre.facts().isEmpty()) {
      return done(viewOf(pre.result(), topics.warnings()));
    }
    return log.write(state -> registration.decide(state, contract))
        .thenApply(
            outcome -> {
              if (outcome instanceof ContractOutcome.Ok<StoredContract> stored) {
                LOG.info(
                    "registered contract {} {} (schema id {})",
                    stored.value().productId(),
                    stored.value().version(),
                    stored.value().schemaId());
              }
              return viewOf(outcome, topics.warnings());
            });
  }

  @Override
  public ContractOutcome<CheckView> check(byte[] body, String contentType) {
    ContractOutcome<byte[]> accepted = ContractBodies.accept(body, contentType, maxBytes);
    if (accepted instanceof ContractOutcome.Refused<byte[]> refused) {
      return ContractOutcome.refused(refused.error());
    }
    ActivePolicies policies = log.read(council::current);
    ContractLoadResult strict = loader(policies.policies()).load(body);
    Optional<DataContract> contract =
        strict.valid()
            ? strict.contract()
            : loader(GovernancePolicies.none()).load(body).contract();
    List<ViolationView> violations = new ArrayList<>();
    if (contract.isEmpty() || !registeredIdentically(contract.get())) {
      strict.violations().forEach(v -> violations.add(ViolationView.of(v)));
    }
    if (contract.isEmpty()) {
      return ContractOutcome.ok(
          new CheckView(
              false,
              null,
              null,
              violations,
              CompatibilityView.compatible("not checked: the contract does not load"),
              policies.version(),
              List.of()));
    }
    DataContract c = contract.get();
    return ContractOutcome.ok(log.read(state -> checked(state, c, violations, policies)));
  }

  /** The check of a contract that loads (possibly with policy violations already listed). */
  private CheckView checked(
      RegistryState state,
      DataContract contract,
      List<ViolationView> violations,
      ActivePolicies policies) {
    CompatibilityView compatibility =
        CompatibilityView.of(registration.compatibility(state, contract));
    List<ChangeView> changes = new ArrayList<>();
    state
        .latestContract(contract.productId().toString())
        .flatMap(documents::load)
        .ifPresent(latest -> changes.addAll(differ.diff(latest, contract).changes()));
    if (violations.isEmpty()
        && registration.decide(state, contract).result()
            instanceof ContractOutcome.Refused<StoredContract> refused) {
      ContractError error = refused.error();
      if (error.code() == RegistryErrorCode.INCOMPATIBLE_CONTRACT) {
        compatibility = error.compatibility().orElse(compatibility);
      } else if (error.violations().isEmpty()) {
        violations.add(new ViolationView(error.code().name(), "", error.message()));
      } else {
        violations.addAll(error.violations());
      }
    }
    return new CheckView(
        violations.isEmpty() && compatibility.compatible(),
        contract.productId().toString(),
        contract.version().toString(),
        violations,
        compatibility,
        policies.version(),
        changes);
  }

  @Override
  public List<ContractSummaryView> list(String domain, String status) {
    return log.read(
        state -> {
          List<ContractSummaryView> out = new ArrayList<>();
          for (String productId : state.contractProducts()) {
            state
                .latestContract(productId)
                .filter(c -> domain == null || domain.isBlank() || c.domain().equals(domain))
                .filter(
                    c ->
                        status == null
                            || status.isBlank()
                            || c.status().equalsIgnoreCase(status.trim()))
                .ifPresent(c -> out.add(ContractDocuments.summary(c)));
          }
          return out;
        });
  }

  @Override
  public ContractOutcome<ContractView> latest(String productId) {
    return log.read(
        state ->
            state
                .latestContract(productId)
                .<ContractOutcome<ContractView>>map(
                    c -> ContractOutcome.ok(ContractDocuments.view(c)))
                .orElseGet(() -> notFound(productId)));
  }

  @Override
  public ContractOutcome<ContractView> version(String productId, String version) {
    return log.read(
        state -> {
          List<StoredContract> all = state.contracts(productId);
          if (all.isEmpty()) {
            return notFound(productId);
          }
          return find(all, version)
              .<ContractOutcome<ContractView>>map(
                  c -> ContractOutcome.ok(ContractDocuments.view(c)))
              .orElseGet(() -> versionNotFound(productId, version));
        });
  }

  @Override
  public ContractOutcome<List<String>> versions(String productId) {
    return log.read(
        state -> {
          List<StoredContract> all = state.contracts(productId);
          return all.isEmpty()
              ? notFound(productId)
              : ContractOutcome.ok(all.stream().map(StoredContract::version).toList());
        });
  }

  @Override
  public ContractOutcome<DiffView> diff(String productId, String from, String to) {
    List<StoredContract> all = log.read(state -> state.contracts(productId));
    if (all.isEmpty()) {
      return notFound(productId);
    }
    Optional<StoredContract> newer =
        blank(to) ? Optional.of(all.get(all.size() - 1)) : find(all, to);
    if (newer.isEmpty()) {
      return versionNotFound(productId, to);
    }
    Optional<StoredContract> older;
    if (blank(from)) {
      int index = all.indexOf(newer.get());
      older = Optional.of(all.get(Math.max(0, index - 1)));
    } else {
      older = find(all, from);
    }
    if (older.isEmpty()) {
      return versionNotFound(productId, from);
    }
    Optional<DataContract> a = documents.load(older.get());
    Optional<DataContract> b = documents.load(newer.get());
    if (a.isEmpty() || b.isEmpty()) {
      return ContractOutcome.refused(
          ContractError.of(
              RegistryErrorCode.STORE_ERROR,
              "A stored contract version of " + productId + " cannot be read any more"));
    }
    return ContractOutcome.ok(differ.diff(a.get(), b.get()));
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The body loaded with the policies in force: the contract, or the 4xx to answer. */
  private ContractOutcome<DataContract> load(byte[] body, String contentType) {
    ContractOutcome<byte[]> accepted = ContractBodies.accept(body, contentType, maxBytes);
    if (accepted instanceof ContractOutcome.Refused<byte[]> refused) {
      return ContractOutcome.refused(refused.error());
    }
    ActivePolicies policies = log.read(council::current);
    ContractLoadResult result = loader(policies.policies()).load(body);
    if (result.valid()) {
      return ContractOutcome.ok(result.contract().orElseThrow());
    }
    // A version accepted under older policies is still answered idempotently when re-posted.
    Optional<DataContract> lenient = loader(GovernancePolicies.none()).load(body).contract();
    if (lenient.isPresent() && registeredIdentically(lenient.get())) {
      return ContractOutcome.ok(lenient.get());
    }
    List<ContractViolation> violations = result.violations();
    return ContractOutcome.refused(ContractBodies.refusal("The contract", violations));
  }

  private boolean registeredIdentically(DataContract contract) {
    return log.read(
        state ->
            state.contracts(contract.productId().toString()).stream()
                .anyMatch(
                    c ->
                        c.version().equals(contract.version().toString())
                            && ContractDocuments.sameDocument(c, contract.document())));
  }

  private ContractLoader loader(GovernancePolicies policies) {
    // One loader per policy version in force; policy changes are rare.
    if (loaders.size() > 16) {
      loaders.clear();
    }
    return loaders.computeIfAbsent(policies, p -> ContractLoader.create(p, maxBytes));
  }

  private static Optional<StoredContract> find(List<StoredContract> all, String version) {
    Optional<SemanticVersion> wanted =
        SemanticVersion.parse(version == null ? null : version.trim());
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    return all.stream()
        .filter(c -> SemanticVersion.parse(c.version()).orElseThrow().compareTo(wanted.get()) == 0)
        .findFirst();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static ContractOutcome<ContractView> viewOf(
      ContractOutcome<StoredContract> outcome, List<String> warnings) {
    if (outcome instanceof ContractOutcome.Ok<StoredContract> ok) {
      return ContractOutcome.ok(ContractDocuments.view(ok.value()).withWarnings(warnings));
    }
    return ContractOutcome.refused(((ContractOutcome.Refused<StoredContract>) outcome).error());
  }

  private static <T> ContractOutcome<T> refusedAs(ContractOutcome<?> refused) {
    return ContractOutcome.refused(((ContractOutcome.Refused<?>) refused).error());
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static <T> ContractOutcome<T> notFound(String productId) {
    return ContractOutcome.refused(
        ContractError.of(
            RegistryErrorCode.CONTRACT_NOT_FOUND,
            "No contract registered for product '" + productId + "'"));
  }

  private static <T> ContractOutcome<T> versionNotFound(String productId, String version) {
    return ContractOutcome.refused(
        ContractError.of(
            RegistryErrorCode.CONTRACT_VERSION_NOT_FOUND,
            "Product '"
                + productId
                + "' has no contract version '"
                + (version == null ? "" : version)
                + "'"));
  }
}
