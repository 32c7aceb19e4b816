package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.contracts.policy.PolicyLoadResult;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.policies.ActivePolicies;
import dev.datamesh.registry.policies.CouncilPolicies;
import dev.datamesh.registry.store.ContractLog;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.Fact;
import dev.datamesh.registry.store.StoredPolicies;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PolicyOperations} on the {@link ContractLog} (fact {@code policies}). */
@Singleton
final class LogBackedPolicyOperations implements PolicyOperations {
  private static final Logger LOG = LoggerFactory.getLogger(LogBackedPolicyOperations.class);
  private static final ObjectMapper YAML = new YAMLMapper();

  private final ContractLog log;
  private final CouncilPolicies council;
  private final int maxBytes;

  LogBackedPolicyOperations(ContractLog log, CouncilPolicies council, ContractsConfig config) {
    this.log = log;
    this.council = council;
    this.maxBytes = config.maxBytes();
  }

  @Override
  public PolicyView current() {
    return view(log.read(council::current));
  }

  @Override
  public CompletableFuture<ContractOutcome<PolicyView>> replace(byte[] body, String contentType) {
    ContractOutcome<byte[]> accepted = ContractBodies.accept(body, contentType, maxBytes);
    if (accepted instanceof ContractOutcome.Refused<byte[]> refused) {
      return CompletableFuture.completedFuture(ContractOutcome.refused(refused.error()));
    }
    String text = new String(body, StandardCharsets.UTF_8);
    PolicyLoadResult parsed = GovernancePolicies.parse(text);
    if (!parsed.valid()) {
      return CompletableFuture.completedFuture(
          ContractOutcome.refused(ContractBodies.refusal("The policy file", parsed.violations())));
    }
    GovernancePolicies policies = parsed.policies().orElseThrow();
    return log.write(
            state -> {
              ActivePolicies current = council.current(state);
              if (policies.version().compareTo(current.policies().version()) <= 0) {
                return Decision.answer(
                    ContractOutcome.<PolicyView>refused(
                        ContractError.of(
                            RegistryErrorCode.POLICY_VERSION_CONFLICT,
                            "The policy file's version "
                                + policies.version()
                                + " must be higher than the version in force, "
                                + current.version())));
              }
              StoredPolicies stored =
                  new StoredPolicies(
                      policies.version().toString(), text, System.currentTimeMillis());
              return new Decision<>(
                  List.of(new Fact.PoliciesPut(stored)),
                  ContractOutcome.ok(
                      view(
                          new ActivePolicies(
                              policies,
                              text,
                              "log",
                              Optional.of(Instant.ofEpochMilli(stored.updatedAt()))))));
            })
        .thenApply(
            outcome -> {
              if (outcome instanceof ContractOutcome.Ok<PolicyView> ok) {
                LOG.info("council policies replaced by version {}", ok.value().version());
              }
              return outcome;
            });
  }

  private static PolicyView view(ActivePolicies active) {
    JsonNode rules;
    try {
      rules = YAML.readTree(active.text()).path("rules");
    } catch (JacksonException e) {
      rules = YAML.createObjectNode();
    }
    return new PolicyView(
        active.version(),
        active.policies().owner(),
        active.policies().description(),
        active.source(),
        active.updatedAt().map(Instant::toString).orElse(null),
        rules.isMissingNode() ? YAML.createObjectNode() : rules);
  }
}
