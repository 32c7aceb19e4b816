package dev.datamesh.contracts.policy;

import static dev.datamesh.contracts.ContractDocs.addCustomProperty;
import static dev.datamesh.contracts.ContractDocs.addProperty;
import static dev.datamesh.contracts.ContractDocs.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.datamesh.contracts.ContractDocs;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.contracts.odcs.ContractLoader;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GovernancePoliciesTest {

  private static final GovernancePolicies DEFAULTS = GovernancePolicies.defaults();

  /** Loads without policies (so the contract exists) and evaluates the default policies. */
  private static List<ContractViolation> evaluate(Consumer<ObjectNode> change) {
    ObjectNode doc = minimal(change);
    DataContract contract =
        ContractLoader.create()
            .load(doc.toString())
            .contract()
            .orElseThrow(() -> new AssertionError("not a valid contract: " + doc));
    return DEFAULTS.evaluate(contract);
  }

  private static List<ContractViolation> evaluate(String policyYaml, DataContract contract) {
    return GovernancePolicies.parse(policyYaml).policies().orElseThrow().evaluate(contract);
  }

  @Test
  void theDefaultPoliciesLoadWithEveryRuleEnabled() {
    assertThat(DEFAULTS.version()).isEqualTo(SemanticVersion.parse("1.0.0").orElseThrow());
    assertThat(DEFAULTS.owner()).isEqualTo("governance-council");
    assertThat(DEFAULTS.rules())
        .extracting(PolicyRule::name)
        .containsExactly(
            "productIdNaming",
            "ownerRequired",
            "supportChannelRequired",
            "propertyDescriptionRequired",
            "piiMaskingRequired",
            "minimumCompatibility",
            "certifiedRetentionMinimum",
            "freshnessSlaRequired");
    assertThat(DEFAULTS.rules()).allMatch(PolicyRule::enabled);
  }

  @Test
  void aCompliantContractPassesEveryRule() {
    assertThat(evaluate(d -> {})).isEmpty();
  }

  @Test
  void productIdNamingRejectsReservedDomainsAndLongIds() {
    assertThat(evaluate(d -> d.put("domain", "mesh")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_PRODUCT_ID_NAMING, "/domain"));
    DataContract contract = ContractDocs.loadValid(minimal());
    String strict =
        """
        kind: GovernancePolicies
        version: 1.0.0
        owner: council
        rules:
          productIdNaming: {pattern: '[a-z]+\\.[a-z]+', maxLength: 10}
        """;
    assertThat(evaluate(strict, contract))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.POLICY_PRODUCT_ID_NAMING, "/dataProduct"),
            tuple(ContractErrorCode.POLICY_PRODUCT_ID_NAMING, "/dataProduct"));
  }

  @Test
  void ownerRequiredRejectsAContractWithoutTeamName() {
    assertThat(evaluate(d -> d.remove("team")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_OWNER_REQUIRED, ""));
    assertThat(evaluate(d -> ((ObjectNode) d.get("team")).put("name", " ")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_OWNER_REQUIRED, "/team"));
  }

  @Test
  void ownerRequiredCanDemandAMemberRole() {
    String policy =
        """
        kind: GovernancePolicies
        version: 1.0.0
        owner: council
        rules:
          ownerRequired: {requiredMemberRole: owner}
        """;

    assertThat(evaluate(policy, ContractDocs.loadValid(minimal())))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_OWNER_REQUIRED);
    assertThat(evaluate(policy, TestContracts.example("orders.order-placed"))).isEmpty();
  }

  @Test
  void supportChannelRequiredCountsChannels() {
    assertThat(evaluate(d -> d.remove("support")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_SUPPORT_CHANNEL_REQUIRED, ""));
    assertThat(evaluate(d -> d.putArray("support")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_SUPPORT_CHANNEL_REQUIRED, "/support"));
  }

  @Test
  void propertyDescriptionRequiredChecksNestedPropertiesToo() {
    List<ContractViolation> violations =
        evaluate(
            d ->
                addProperty(
                    d,
                    """
                    name: address
                    logicalType: object
                    properties:
                      - {name: city, logicalType: string, description: The city.}
                      - {name: zip, logicalType: string}
                    """));

    assertThat(violations)
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(
                ContractErrorCode.POLICY_PROPERTY_DESCRIPTION_REQUIRED,
                "/schema/0/properties/1/description"),
            tuple(
                ContractErrorCode.POLICY_PROPERTY_DESCRIPTION_REQUIRED,
                "/schema/0/properties/1/properties/1/description"));
  }

  @Test
  void piiMaskingRequiredRejectsUnmaskedPiiAndRestrictedProperties() {
    List<ContractViolation> violations =
        evaluate(
            d -> {
              addProperty(
                  d, "{name: email, logicalType: string, classification: pii, description: mail}");
              addProperty(
                  d,
                  "{name: iban, logicalType: string, classification: Restricted, description: bank}");
              addProperty(
                  d,
                  """
                  name: phone
                  logicalType: string
                  classification: pii
                  description: phone number
                  customProperties: [{property: masking, value: redact}]
                  """);
            });

    assertThat(violations)
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.POLICY_PII_MASKING_REQUIRED, "/schema/0/properties/1"),
            tuple(ContractErrorCode.POLICY_PII_MASKING_REQUIRED, "/schema/0/properties/2"));
  }

  @Test
  void piiMaskingRequiredCanRestrictTheStrategies() {
    String hashOnly =
        """
        kind: GovernancePolicies
        version: 1.0.0
        owner: council
        rules:
          piiMaskingRequired: {allowedStrategies: [hash]}
        """;

    assertThat(evaluate(hashOnly, TestContracts.example("orders.order-placed"))).isEmpty();
    assertThat(evaluate(hashOnly, TestContracts.example("payments.transaction")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.POLICY_PII_MASKING_REQUIRED, "/schema/0/properties/6"));
  }

  @Test
  void minimumCompatibilityRejectsWeakerModes() {
    for (String weak : new String[] {"NONE", "FORWARD", "FORWARD_TRANSITIVE"}) {
      assertThat(evaluate(d -> addCustomProperty(d, "compatibility", TextNode.valueOf(weak))))
          .as(weak)
          .extracting(ContractViolation::code, ContractViolation::pointer)
          .containsExactly(
              tuple(ContractErrorCode.POLICY_COMPATIBILITY_TOO_WEAK, "/customProperties/0/value"));
    }
    for (String strong :
        new String[] {"BACKWARD", "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"}) {
      assertThat(evaluate(d -> addCustomProperty(d, "compatibility", TextNode.valueOf(strong))))
          .as(strong)
          .isEmpty();
    }
  }

  @Test
  void certifiedRetentionMinimumChecksTheRetentionSla() {
    assertThat(
            evaluate(
                d ->
                    ((com.fasterxml.jackson.databind.node.ArrayNode) d.get("slaProperties"))
                        .add(ContractDocs.parse("{property: retention, value: 3, unit: d}"))))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_RETENTION_TOO_SHORT, "/slaProperties/1"));
    String sixtyDays =
        """
        kind: GovernancePolicies
        version: 1.0.0
        owner: council
        rules:
          certifiedRetentionMinimum: {minDays: 60}
        """;
    assertThat(evaluate(sixtyDays, TestContracts.example("orders.order-placed")))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_RETENTION_TOO_SHORT);
    assertThat(evaluate(sixtyDays, TestContracts.example("payments.transaction"))).isEmpty();
  }

  @Test
  void freshnessSlaRequiredWantsAFrequencyNoLaxerThanTheMaximum() {
    assertThat(evaluate(d -> d.remove("slaProperties")))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.POLICY_FRESHNESS_SLA_REQUIRED, ""));
    assertThat(
            evaluate(
                d ->
                    d.set(
                        "slaProperties",
                        ContractDocs.parse("[{property: freshness, value: 2, unit: d}]"))))
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.POLICY_FRESHNESS_SLA_REQUIRED, "/slaProperties/0"));
  }

  @Test
  void aDisabledRuleNeverReports() {
    String disabled =
        """
        kind: GovernancePolicies
        version: 2.0.0
        owner: council
        rules:
          ownerRequired: {enabled: false}
          supportChannelRequired: {enabled: true, minChannels: 1}
        """;
    ObjectNode doc =
        minimal(
            d -> {
              d.remove("team");
              d.remove("support");
            });
    DataContract contract = ContractLoader.create().load(doc.toString()).contract().orElseThrow();

    assertThat(evaluate(disabled, contract))
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_SUPPORT_CHANNEL_REQUIRED);
  }

  @Test
  void aBrokenPolicyFileIsListedNotThrown() {
    String broken =
        """
        kind: Policies
        version: one
        rules:
          ownerRequired: {enabled: maybe}
          noSecrets: {enabled: true}
          supportChannelRequired: {minChannels: 0, colour: blue}
          minimumCompatibility: {allowed: [SIDEWAYS]}
        """;

    PolicyLoadResult result = GovernancePolicies.parse(broken);

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactlyInAnyOrder(
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/kind"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/version"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/owner"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/rules/ownerRequired/enabled"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/rules/noSecrets"),
            tuple(
                ContractErrorCode.POLICY_FILE_INVALID, "/rules/supportChannelRequired/minChannels"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/rules/supportChannelRequired/colour"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/rules/minimumCompatibility/allowed"),
            tuple(ContractErrorCode.POLICY_FILE_INVALID, "/rules/minimumCompatibility/allowed"));
  }

  @Test
  void malformedPolicyYamlIsAViolation() {
    assertThat(GovernancePolicies.parse("rules: [unclosed").violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_FILE_MALFORMED);
    assertThat(GovernancePolicies.parse("").violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_FILE_MALFORMED);
  }

  @Test
  void loadingWithPoliciesRejectsWhatThePoliciesReject() {
    ObjectNode doc = minimal(d -> d.remove("team"));

    assertThat(ContractLoader.create(DEFAULTS).load(doc.toString()).violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.POLICY_OWNER_REQUIRED);
    assertThat(ContractLoader.create().load(doc.toString()).valid()).isTrue();
  }
}
