package dev.datamesh.registry.contracts;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.avro.AvroSchemaFactory;
import dev.datamesh.registry.GovernanceViolation;
import dev.datamesh.registry.SchemaChange;
import dev.datamesh.registry.SubjectGovernance;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.CompatibilityResult;
import dev.datamesh.registry.store.StoredContract;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contract governance of Confluent-API registrations on a product's contract subjects. When the
 * product has a contract, the schema must (1) still match the latest contract's properties (every
 * property present, no other field, types agree, required ⇔ non-nullable: the explicit-schema check
 * of {@code dev.datamesh.contracts.avro}), (2) stay in the contract's major version (metadata
 * {@value ContractSubjects#MAJOR_PROPERTY}), and (3) be compatible with the subject's live versions
 * of that major under the contract's compatibility mode, whatever the subject's own level says.
 * Products without a contract are not checked at all (plain Confluent behaviour). Thread-safe;
 * called on the registry's writer thread.
 */
@Singleton
final class ContractGovernance implements SubjectGovernance {
  private final ContractDocuments documents;
  private final CompatibilityChecker checker = CompatibilityChecker.avro();

  ContractGovernance(ContractDocuments documents) {
    this.documents = documents;
  }

  @Override
  public List<GovernanceViolation> review(SchemaChange change) {
    if (change.contract().isEmpty()) {
      return List.of();
    }
    StoredContract stored = change.contract().get();
    Optional<DataContract> contract = documents.load(stored);
    if (contract.isEmpty()) {
      // Logged by ContractDocuments; a contract the model cannot read any more blocks nobody.
      return List.of();
    }
    List<GovernanceViolation> out = new ArrayList<>();
    for (ContractViolation v :
        AvroSchemaFactory.create()
            .check(change.schema().toString(), contract.get().fields(), "/schema/0")
            .violations()) {
      out.add(new GovernanceViolation(v.errorCode(), v.pointer(), v.message()));
    }
    String major = Integer.toString(contract.get().version().major());
    String declared =
        change.metadata() == null
            ? null
            : change.metadata().properties().get(ContractSubjects.MAJOR_PROPERTY);
    if (!major.equals(declared)) {
      out.add(
          new GovernanceViolation(
              "CONTRACT_MAJOR_MISMATCH",
              "/metadata/properties/" + ContractSubjects.MAJOR_PROPERTY,
              "schemas of "
                  + stored.productId()
                  + " belong to contract major version "
                  + major
                  + " (metadata "
                  + ContractSubjects.MAJOR_PROPERTY
                  + "="
                  + major
                  + ", inherited when the request has no metadata), not "
                  + (declared == null ? "none" : declared)
                  + "; a new major version is registered as a contract (POST /contracts)"));
    }
    CompatibilityLevel level = CompatibilityLevel.valueOf(contract.get().compatibility().name());
    CompatibilityResult compatible = checker.check(level, change.schema(), change.liveSchemas());
    if (!compatible.compatible()) {
      out.add(
          new GovernanceViolation(
              "CONTRACT_INCOMPATIBLE",
              "",
              "not "
                  + level
                  + " compatible with the contract's earlier schemas: "
                  + String.join(", ", compatible.messages())));
    }
    return out;
  }
}
