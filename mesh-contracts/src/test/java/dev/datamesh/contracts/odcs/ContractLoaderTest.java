package dev.datamesh.contracts.odcs;

import static dev.datamesh.contracts.ContractDocs.addCustomProperty;
import static dev.datamesh.contracts.ContractDocs.addProperty;
import static dev.datamesh.contracts.ContractDocs.load;
import static dev.datamesh.contracts.ContractDocs.minimal;
import static dev.datamesh.contracts.ContractDocs.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractDocs;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.KafkaProfile;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {

  private final ContractLoader loader = ContractLoader.create();

  @Test
  void minimalContractLoadsWithDefaults() {
    DataContract contract = ContractDocs.loadValid(minimal());

    assertThat(contract.productId().toString()).isEqualTo("testing.sample-event");
    assertThat(contract.contractId()).isEqualTo("sample-contract");
    assertThat(contract.compatibility()).isEqualTo(CompatibilityMode.BACKWARD);
    assertThat(contract.kafka().partitions()).isEqualTo(KafkaProfile.DEFAULT_PARTITIONS);
    assertThat(contract.kafka().certifiedRetention())
        .isEqualTo(KafkaProfile.DEFAULT_CERTIFIED_RETENTION);
    assertThat(contract.kafka().keyField()).isEmpty();
    assertThat(contract.kafka().upstreamProducts()).isEmpty();
  }

  @Test
  void jsonAndYamlOfTheSameContractLoadTheSame() throws Exception {
    String yaml = TestContracts.exampleText("orders.order-placed");
    String json = ContractDocs.JSON.writeValueAsString(ContractDocs.YAML.readTree(yaml));

    DataContract fromYaml = loader.load(yaml).contract().orElseThrow();
    DataContract fromJson = loader.load(json).contract().orElseThrow();

    assertThat(fromJson.valueSchema()).isEqualTo(fromYaml.valueSchema());
    assertThat(fromJson.fields()).isEqualTo(fromYaml.fields());
    assertThat(fromJson.qualityRules()).isEqualTo(fromYaml.qualityRules());
  }

  @Test
  void malformedYamlIsAViolationNotAnException() {
    ContractLoadResult result = loader.load("domain: orders\n  dataProduct: [unclosed\n");

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ContractErrorCode.CONTRACT_MALFORMED);
              assertThat(v.pointer()).isEmpty();
              assertThat(v.message()).contains("YAML").contains("line");
            });
  }

  @Test
  void malformedJsonIsAViolationNotAnException() {
    ContractLoadResult result = loader.load("{\"domain\": \"orders\", ");

    assertThat(result.violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.CONTRACT_MALFORMED, ""));
    assertThat(result.violations().get(0).message()).contains("JSON");
  }

  @Test
  void emptyNullAndNonObjectDocumentsAreMalformed() {
    for (String text : new String[] {"", "   \n", "- a\n- b\n", "42", "\"text\""}) {
      assertThat(loader.load(text).violations())
          .as(text)
          .extracting(ContractViolation::code)
          .containsExactly(ContractErrorCode.CONTRACT_MALFORMED);
    }
    assertThat(loader.load((String) null).violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.CONTRACT_MALFORMED);
  }

  @Test
  void duplicateKeysAndSeveralYamlDocumentsAreMalformed() {
    assertThat(loader.load("domain: a\ndomain: b\n").violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.CONTRACT_MALFORMED);
    assertThat(loader.load(ContractDocs.MINIMAL + "---\n" + ContractDocs.MINIMAL).violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.CONTRACT_MALFORMED);
  }

  @Test
  void documentsOverTheSizeLimitAreRejectedBeforeParsing() {
    String big = ContractDocs.MINIMAL + "# " + "x".repeat(ContractLoader.DEFAULT_MAX_BYTES) + "\n";

    ContractLoadResult result = ContractLoader.create().load(big);
    ContractLoadResult small =
        ContractLoader.create(GovernancePolicies.none(), 100)
            .load(ContractDocs.MINIMAL.getBytes(StandardCharsets.UTF_8));

    assertThat(result.violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.CONTRACT_TOO_LARGE);
    assertThat(small.violations())
        .extracting(ContractViolation::code)
        .containsExactly(ContractErrorCode.CONTRACT_TOO_LARGE);
  }

  @Test
  void odcsSchemaViolationsPointAtTheOffendingMember() {
    ObjectNode doc =
        minimal(
            d -> {
              d.remove("version");
              d.put("kind", "Contract");
              d.put("colour", "blue");
              ((ObjectNode) properties(d).get(0)).put("required", "yes");
            });

    List<ContractViolation> violations = load(doc).violations();

    assertThat(violations)
        .filteredOn(v -> v.code() == ContractErrorCode.ODCS_SCHEMA_VIOLATION)
        .extracting(ContractViolation::pointer)
        .contains("/version", "/kind", "/colour", "/schema/0/properties/0/required");
  }

  @Test
  void anUnknownMemberOfAValidPropertyIsReportedAlone() {
    ObjectNode doc = minimal(d -> ((ObjectNode) properties(d).get(0)).put("requird", true));

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.ODCS_SCHEMA_VIOLATION, "/schema/0/properties/0/requird"));
  }

  @Test
  void productIdVersionAndStatusFollowTheMeshProfile() {
    ObjectNode doc =
        minimal(
            d -> {
              d.put("domain", "Orders");
              d.put("dataProduct", "order placed");
              d.put("version", "1.0");
              d.put("status", "live");
            });

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .contains(
            tuple(ContractErrorCode.PRODUCT_ID_INVALID, "/domain"),
            tuple(ContractErrorCode.PRODUCT_ID_INVALID, "/dataProduct"),
            tuple(ContractErrorCode.VERSION_INVALID, "/version"),
            tuple(ContractErrorCode.STATUS_INVALID, "/status"));
  }

  @Test
  void theTopicSchemaMustBeOneTopicWithProperties() {
    ObjectNode notATopic =
        minimal(d -> ((ObjectNode) d.path("schema").get(0)).put("physicalType", "table"));
    ObjectNode noProperties =
        minimal(d -> ((ObjectNode) d.path("schema").get(0)).remove("properties"));

    assertThat(load(notATopic).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.TOPIC_SCHEMA_INVALID, "/schema/0/physicalType"));
    assertThat(load(noProperties).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(tuple(ContractErrorCode.TOPIC_SCHEMA_INVALID, "/schema/0/properties"));
  }

  @Test
  void propertyNamesMustBeUniqueAvroNames() {
    ObjectNode doc = minimal();
    addProperty(doc, "{name: id, logicalType: string, description: twice}");
    addProperty(doc, "{name: order-id, logicalType: string, description: dashed}");

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.FIELD_NAME_INVALID, "/schema/0/properties/1/name"),
            tuple(ContractErrorCode.FIELD_NAME_INVALID, "/schema/0/properties/2/name"));
  }

  @Test
  void typesMustBeGivenAndFitTogether() {
    ObjectNode doc = minimal();
    addProperty(doc, "{name: untyped, description: no logical type}");
    addProperty(
        doc, "{name: amount, logicalType: number, physicalType: 'varchar(10)', description: x}");
    addProperty(doc, "{name: tags, logicalType: array, description: no items}");

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.FIELD_TYPE_INVALID, "/schema/0/properties/1"),
            tuple(ContractErrorCode.FIELD_TYPE_INVALID, "/schema/0/properties/2/physicalType"),
            tuple(ContractErrorCode.FIELD_TYPE_INVALID, "/schema/0/properties/3"));
  }

  @Test
  void perRecordRulesMustBeUsable() {
    ObjectNode doc = minimal();
    addProperty(
        doc,
        """
        name: code
        logicalType: string
        description: bad regex and lengths
        logicalTypeOptions: {pattern: '[a-', minLength: 5, maxLength: 2}
        """);
    addProperty(
        doc,
        """
        name: count
        logicalType: integer
        description: min above max
        logicalTypeOptions: {minimum: 10, maximum: 1}
        """);
    addProperty(
        doc,
        """
        name: flag
        logicalType: boolean
        description: valid values on a boolean
        quality:
          - metric: invalidValues
            arguments: {validValues: [true]}
            mustBe: 0
        """);

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(
                ContractErrorCode.RULE_INVALID,
                "/schema/0/properties/1/logicalTypeOptions/pattern"),
            tuple(ContractErrorCode.RULE_INVALID, "/schema/0/properties/1/logicalTypeOptions"),
            tuple(ContractErrorCode.RULE_INVALID, "/schema/0/properties/2/logicalTypeOptions"),
            tuple(
                ContractErrorCode.RULE_INVALID,
                "/schema/0/properties/3/quality/0/arguments/validValues/0"));
  }

  @Test
  void qualityRulesMustBeEnforceable() {
    ObjectNode doc = minimal();
    addProperty(
        doc,
        """
        name: score
        logicalType: integer
        description: badly configured quality rules
        quality:
          - type: sql
            query: SELECT 1
            mustBe: 1
          - metric: nullValues
            mustBeLessThan: 5
            unit: furlongs
          - metric: nullValues
            mustBeLessThan: 5
            customProperties: [{property: window, value: soon}]
          - metric: invalidValues
            mustBe: 0
          - metric: rowCount
            mustBeGreaterThan: 0
        """);

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(
                ContractErrorCode.QUALITY_RULE_UNSUPPORTED,
                "/schema/0/properties/1/quality/0/type"),
            tuple(ContractErrorCode.QUALITY_RULE_INVALID, "/schema/0/properties/1/quality/1/unit"),
            tuple(
                ContractErrorCode.QUALITY_RULE_INVALID,
                "/schema/0/properties/1/quality/2/customProperties/0/value"),
            tuple(
                ContractErrorCode.QUALITY_RULE_INVALID,
                "/schema/0/properties/1/quality/3/arguments"),
            tuple(
                ContractErrorCode.QUALITY_RULE_INVALID, "/schema/0/properties/1/quality/4/metric"));
  }

  @Test
  void kafkaProfileValuesAreChecked() {
    ObjectNode doc = minimal();
    addCustomProperty(doc, "keyField", TextNode.valueOf("nope"));
    addCustomProperty(doc, "partitions", ContractDocs.JSON.getNodeFactory().numberNode(0));
    addCustomProperty(doc, "rawRetention", TextNode.valueOf("forever"));
    addCustomProperty(doc, "compatibility", TextNode.valueOf("SIDEWAYS"));
    addCustomProperty(
        doc, "upstreamProducts", ContractDocs.parse("[testing.sample-event, Bad_Id]"));

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactlyInAnyOrder(
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/0/value"),
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/1/value"),
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/2/value"),
            tuple(ContractErrorCode.COMPATIBILITY_INVALID, "/customProperties/3/value"),
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/4/value/0"),
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/4/value/1"));
  }

  @Test
  void aCompactedProductNeedsAKeyField() {
    ObjectNode doc = minimal();
    addCustomProperty(doc, "compacted", ContractDocs.JSON.getNodeFactory().booleanNode(true));

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/0/value"));
  }

  @Test
  void slaValuesNeedUsableUnits() {
    ObjectNode doc =
        minimal(
            d ->
                d.set(
                    "slaProperties",
                    ContractDocs.parse(
                        """
                        - {property: frequency, value: 1, unit: h}
                        - {property: latency, value: 5, unit: fortnights}
                        - {property: throughput, value: 10, unit: records}
                        - {property: frequency, value: 2, unit: h}
                        """)));

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .containsExactly(
            tuple(ContractErrorCode.SLA_INVALID, "/slaProperties/1"),
            tuple(ContractErrorCode.SLA_INVALID, "/slaProperties/2"),
            tuple(ContractErrorCode.SLA_INVALID, "/slaProperties/3"));
  }

  @Test
  void maskingMustBeAKnownStrategy() {
    ObjectNode doc = minimal();
    addProperty(
        doc,
        """
        name: email
        logicalType: string
        classification: pii
        description: e-mail
        customProperties: [{property: masking, value: scramble}]
        """);

    assertThat(load(doc).violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .contains(
            tuple(
                ContractErrorCode.MASKING_INVALID,
                "/schema/0/properties/1/customProperties/0/value"));
  }

  @Test
  void theBadContractListsOdcsProfileAndPolicyViolationsAtOnce() {
    ContractLoadResult result =
        ContractLoader.create(GovernancePolicies.defaults())
            .load(TestContracts.resource("/contracts/bad-contract.odcs.yaml"));

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .extracting(ContractViolation::code, ContractViolation::pointer)
        .contains(
            tuple(ContractErrorCode.ODCS_SCHEMA_VIOLATION, "/kind"),
            tuple(ContractErrorCode.ODCS_SCHEMA_VIOLATION, "/owner"),
            tuple(ContractErrorCode.ODCS_SCHEMA_VIOLATION, "/schema/0/properties/0/required"),
            tuple(
                ContractErrorCode.RULE_INVALID,
                "/schema/0/properties/0/logicalTypeOptions/pattern"),
            tuple(ContractErrorCode.FIELD_TYPE_INVALID, "/schema/0/properties/2/physicalType"),
            tuple(ContractErrorCode.KAFKA_PROFILE_INVALID, "/customProperties/1/value"),
            tuple(ContractErrorCode.POLICY_PRODUCT_ID_NAMING, "/domain"),
            tuple(ContractErrorCode.POLICY_OWNER_REQUIRED, ""),
            tuple(ContractErrorCode.POLICY_SUPPORT_CHANNEL_REQUIRED, ""),
            tuple(
                ContractErrorCode.POLICY_PROPERTY_DESCRIPTION_REQUIRED,
                "/schema/0/properties/1/description"),
            tuple(ContractErrorCode.POLICY_PII_MASKING_REQUIRED, "/schema/0/properties/1"),
            tuple(ContractErrorCode.POLICY_COMPATIBILITY_TOO_WEAK, "/customProperties/0/value"),
            tuple(ContractErrorCode.POLICY_RETENTION_TOO_SHORT, "/slaProperties/0"),
            tuple(ContractErrorCode.POLICY_FRESHNESS_SLA_REQUIRED, "/slaProperties"));
  }

  @Test
  void policiesAreNotCheckedByALoaderWithoutPolicies() {
    ContractLoadResult result =
        ContractLoader.create().load(TestContracts.resource("/contracts/bad-contract.odcs.yaml"));

    assertThat(result.violations())
        .extracting(v -> v.code().code())
        .noneMatch(code -> code.startsWith("POLICY_"));
  }

  @Test
  void oneLoaderServesManyThreads() {
    ContractLoader shared = ContractLoader.create(GovernancePolicies.defaults());
    String bad = TestContracts.resource("/contracts/bad-contract.odcs.yaml");
    int badCount = shared.load(bad).violations().size();

    List<Integer> counts =
        java.util.stream.IntStream.range(0, 64)
            .parallel()
            .mapToObj(
                i ->
                    i % 2 == 0
                        ? shared
                            .load(TestContracts.exampleText(TestContracts.EXAMPLES.get(i % 4)))
                            .violations()
                            .size()
                        : shared.load(bad).violations().size() - badCount)
            .toList();

    assertThat(counts).containsOnly(0);
  }
}
