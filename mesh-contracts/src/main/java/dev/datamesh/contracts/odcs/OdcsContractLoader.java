package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class OdcsContractLoader implements ContractLoader {

  private static final Logger LOG = LoggerFactory.getLogger(OdcsContractLoader.class);

  private final GovernancePolicies policies;
  private final DocumentReader reader;
  private final OdcsSchemaValidator odcs = new OdcsSchemaValidator();

  OdcsContractLoader(GovernancePolicies policies, int maxBytes) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.reader = new DocumentReader(maxBytes);
  }

  @Override
  public ContractLoadResult load(String text) {
    return load(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ContractLoadResult load(byte[] utf8) {
    DocumentReader.Parsed parsed = reader.read(utf8 == null ? new byte[0] : utf8);
    if (parsed.tree().isEmpty()) {
      return ContractLoadResult.rejected(List.of(parsed.violation().orElseThrow()));
    }
    JsonNode document = parsed.tree().get();
    List<ContractViolation> violations = new ArrayList<>(odcs.validate(document));
    ContractModelBuilder.Draft draft = ContractModelBuilder.build(document);
    violations.addAll(draft.violations());
    draft.contract().ifPresent(contract -> violations.addAll(policies.evaluate(contract)));
    Optional<DataContract> contract = draft.contract();
    if (violations.isEmpty() && contract.isPresent()) {
      LOG.debug("loaded contract {} {}", contract.get().productId(), contract.get().version());
      return ContractLoadResult.loaded(contract.get());
    }
    LOG.debug("rejected contract with {} violation(s)", violations.size());
    return ContractLoadResult.rejected(violations);
  }
}
