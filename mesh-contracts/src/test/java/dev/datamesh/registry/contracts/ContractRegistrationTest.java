package dev.datamesh.registry.contracts;

import static dev.datamesh.registry.contracts.ContractDocs.addProperty;
import static dev.datamesh.registry.contracts.ContractDocs.changed;
import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.load;
import static dev.datamesh.registry.contracts.ContractDocs.property;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.policies.ActivePolicies;
import dev.datamesh.registry.policies.CouncilPolicies;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.RegistryStateMachine;
import dev.datamesh.registry.store.StoredContract;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.RegistryConfig;
import dev.datamesh.registry.subjects.SchemaRequest;
import dev.datamesh.registry.subjects.SchemaView;
import dev.datamesh.registry.subjects.SubjectRegistrar;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** Contract registration decided on an in-memory state (no Kafka). */
class ContractRegistrationTest {
  private static final String PRODUCT = "orders.order-placed";
  private static final String RAW = PRODUCT + ".raw-value";
  private static final String CERTIFIED = PRODUCT + ".certified-value";
  private static final ObjectNode V1 = example(PRODUCT);

  private final RegistryStateMachine state = RegistryStateMachine.empty();
  private final ActivePolicies policies =
      new ActivePolicies(GovernancePolicies.defaults(), "", "test", Optional.empty());
  private final CouncilPolicies council =
      new CouncilPolicies() {
        @Override
        public ActivePolicies current(RegistryState s) {
          return policies;
        }

        @Override
        public ActivePolicies configured() {
          return policies;
        }
      };
  private final SubjectRegistrar subjects =
      SubjectRegistrar.create(
          RegistryConfig.defaults(), new ContractGovernance(new ContractDocuments()), () -> 7L);
  private final ContractRegistration registration =
      new ContractRegistration(subjects, council, CompatibilityChecker.avro(), () -> 1000L);

  private ContractOutcome<StoredContract> register(ObjectNode doc) {
    return run(registration.decide(state, load(doc)));
  }

  private <T> T run(Decision<T> decision) {
    decision.facts().forEach(state::apply);
    return decision.result();
  }

  private static StoredContract ok(ContractOutcome<StoredContract> outcome) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(ContractOutcome.Ok.class);
    return ((ContractOutcome.Ok<StoredContract>) outcome).value();
  }

  private static ContractError refused(ContractOutcome<StoredContract> outcome) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(ContractOutcome.Refused.class);
    return ((ContractOutcome.Refused<StoredContract>) outcome).error();
  }

  private static ObjectNode version(ObjectNode doc, String version) {
    return changed(doc, d -> d.put("version", version));
  }

  private static ObjectNode withRequiredGiftWrap(ObjectNode doc, String version) {
    return changed(
        doc,
        d -> {
          d.put("version", version);
          addProperty(
              d, "{name: giftWrap, logicalType: string, required: true, description: Wrapping.}");
        });
  }

  @Test
  void aContractRegistersItsSchemaUnderBothValueSubjectsWithItsCompatibility() {
    StoredContract stored = ok(register(V1));
    assertThat(stored.schemaId()).isEqualTo(1);
    assertThat(stored.version()).isEqualTo("1.0.0");
    assertThat(stored.registeredAt()).isEqualTo(1000L);
    assertThat(stored.policyVersion()).isEqualTo("1.0.0");
    assertThat(state.latestContract(PRODUCT)).contains(stored);
    assertThat(state.versions(RAW)).hasSize(1);
    assertThat(state.versions(CERTIFIED)).hasSize(1);
    assertThat(state.versions(RAW).get(1).id()).isEqualTo(1);
    assertThat(state.versions(CERTIFIED).get(1).id()).as("one schema, one id").isEqualTo(1);
    assertThat(state.schema(1).orElseThrow().metadata().properties())
        .containsEntry(ContractSubjects.MAJOR_PROPERTY, "1");
    CompatibilityConfig config = state.config(RAW).orElseThrow();
    assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(config.compatibilityGroup()).isEqualTo(ContractSubjects.MAJOR_PROPERTY);
    assertThat(state.config(CERTIFIED)).contains(config);
  }

  @Test
  void theSameVersionIsIdempotentAndOtherContentUnderItConflicts() {
    StoredContract first = ok(register(V1));
    Decision<ContractOutcome<StoredContract>> again = registration.decide(state, load(V1));
    assertThat(again.facts()).isEmpty();
    assertThat(ok(again.result())).isEqualTo(first);

    ContractError conflict = refused(register(changed(V1, d -> d.put("status", "deprecated"))));
    assertThat(conflict.code()).isEqualTo(RegistryErrorCode.CONTRACT_VERSION_CONFLICT);
    assertThat(conflict.violations())
        .extracting(ViolationView::pointer)
        .containsExactly("/version");

    ok(register(version(V1, "1.2.0")));
    assertThat(refused(register(version(V1, "1.1.0"))).code())
        .as("lower than the latest")
        .isEqualTo(RegistryErrorCode.CONTRACT_VERSION_CONFLICT);
  }

  @Test
  void aMinorVersionMustBeCompatibleWhileANewMajorMayBreak() {
    ok(register(V1));
    ObjectNode optional =
        changed(
            V1,
            d -> {
              d.put("version", "1.1.0");
              addProperty(
                  d,
                  "{name: giftNote, logicalType: string, required: false, description: A note.}");
            });
    StoredContract compatible = ok(register(optional));
    assertThat(compatible.schemaId()).isEqualTo(2);
    assertThat(state.versions(RAW)).hasSize(2);

    ContractError breaking = refused(register(withRequiredGiftWrap(V1, "1.2.0")));
    assertThat(breaking.code()).isEqualTo(RegistryErrorCode.INCOMPATIBLE_CONTRACT);
    assertThat(breaking.code().httpStatus()).isEqualTo(409);
    assertThat(breaking.compatibility().orElseThrow().compatible()).isFalse();
    assertThat(breaking.compatibility().orElseThrow().messages())
        .anyMatch(m -> m.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
    assertThat(state.contracts(PRODUCT)).hasSize(2);

    StoredContract major = ok(register(withRequiredGiftWrap(V1, "2.0.0")));
    assertThat(state.versions(RAW)).hasSize(3);
    assertThat(state.schema(major.schemaId()).orElseThrow().metadata().properties())
        .containsEntry(ContractSubjects.MAJOR_PROPERTY, "2");
  }

  @Test
  void confluentRegistrationsMustMatchTheContractsProperties() {
    DataContract contract = load(V1);
    ok(register(V1));
    Schema missingEmail = withoutField(contract.valueSchema(), "customerEmail");
    Decision<Outcome<SchemaView>> refused =
        subjects.register(state, RAW, SchemaRequest.of(missingEmail.toString()));
    assertThat(refused.facts()).isEmpty();
    assertThat(refused.result()).isInstanceOf(Outcome.Failed.class);
    Outcome.Failed<SchemaView> failed = (Outcome.Failed<SchemaView>) refused.result();
    assertThat(failed.error().code()).isEqualTo(RegistryErrorCode.GOVERNANCE_VIOLATION);
    assertThat(failed.error().message()).contains("AVRO_FIELD_MISSING").contains("customerEmail");

    Decision<Outcome<SchemaView>> same =
        subjects.register(state, RAW, SchemaRequest.of(contract.valueSchema().toString()));
    assertThat(same.result())
        .as("the contract's own schema is fine")
        .isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void subjectsOfProductsWithoutAContractAreNotGoverned() {
    DataContract contract = load(V1);
    Schema missingEmail = withoutField(contract.valueSchema(), "customerEmail");
    Decision<Outcome<SchemaView>> plain =
        subjects.register(
            state, "orders.no-contract.raw-value", SchemaRequest.of(missingEmail.toString()));
    assertThat(plain.result()).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void policiesInForceAreCheckedAtDecisionTime() {
    ObjectNode undocumented = changed(V1, d -> property(d, "currency").remove("description"));
    ContractError error =
        refused(registration.decide(state, loadWithoutPolicies(undocumented)).result());
    assertThat(error.code()).isEqualTo(RegistryErrorCode.INVALID_CONTRACT);
    assertThat(error.violations())
        .extracting(ViolationView::code)
        .containsExactly("POLICY_PROPERTY_DESCRIPTION_REQUIRED");
  }

  private static DataContract loadWithoutPolicies(ObjectNode doc) {
    return dev.datamesh.contracts.odcs.ContractLoader.create()
        .load(doc.toString())
        .contract()
        .orElseThrow();
  }

  private static Schema withoutField(Schema record, String name) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(record.getName()).namespace(record.getNamespace()).fields();
    for (Schema.Field f : record.getFields()) {
      if (!f.name().equals(name)) {
        fields = fields.name(f.name()).type(f.schema()).noDefault();
      }
    }
    return fields.endRecord();
  }
}
