package dev.datamesh.contracts.odcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractStatus;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.MaskingStrategy;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.QualityMetric;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.RecordRule;
import dev.datamesh.contracts.RuleSeverity;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ExampleContractsTest {

  static final List<String> EXAMPLES = TestContracts.EXAMPLES;

  @ParameterizedTest
  @FieldSource("EXAMPLES")
  void everyExampleLoadsCleanlyAndPassesTheDefaultPolicies(String productId) {
    ContractLoadResult result =
        ContractLoader.create(GovernancePolicies.defaults())
            .load(TestContracts.exampleText(productId));

    assertThat(result.violations()).isEmpty();
    DataContract contract = result.contract().orElseThrow();
    assertThat(contract.productId().toString()).isEqualTo(productId);
    assertThat(contract.owner()).isNotBlank();
    assertThat(contract.support()).isNotEmpty();
    assertThat(contract.serviceLevels().freshness()).isPresent();
    assertThat(contract.kafka().keyField()).isPresent();
    assertThat(contract.allFields()).allMatch(f -> !f.description().isBlank());
  }

  @Test
  void orderPlacedIsReadIntoTheModel() {
    DataContract orders = TestContracts.example("orders.order-placed");

    assertThat(orders.contractId()).isEqualTo("orders-order-placed");
    assertThat(orders.version()).isEqualTo(SemanticVersion.parse("1.0.0").orElseThrow());
    assertThat(orders.status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(orders.owner()).isEqualTo("orders-team");
    assertThat(orders.team().hasMemberWithRole("owner")).isTrue();
    assertThat(orders.support()).extracting(s -> s.tool()).containsExactly("slack", "email");
    assertThat(orders.description().purpose()).startsWith("One event for every order");
    assertThat(orders.fields())
        .extracting(FieldDefinition::name)
        .containsExactly(
            "orderId",
            "customerId",
            "customerEmail",
            "orderTotal",
            "currency",
            "itemCount",
            "channel",
            "couponCode",
            "shippingAddress",
            "placedAt");
    FieldDefinition email = orders.field("customerEmail").orElseThrow();
    assertThat(email.classification()).contains("pii");
    assertThat(email.masking()).contains(MaskingStrategy.HASH);
    assertThat(email.sensitive()).isTrue();
    assertThat(orders.field("orderId").orElseThrow().unique()).isTrue();
    assertThat(orders.field("orderId").orElseThrow().examples()).containsExactly("ORD-00012345");
    assertThat(orders.fieldsClassifiedAs(java.util.Set.of("pii"))).containsExactly(email);
  }

  @Test
  void orderPlacedHasPerRecordRulesOfEveryKind() {
    DataContract orders = TestContracts.example("orders.order-placed");

    assertThat(orders.field("currency").orElseThrow().rules())
        .containsExactly(
            new RecordRule.Required("/currency", "/schema/0/properties/4/required"),
            new RecordRule.ValidValues(
                "/currency",
                "/schema/0/properties/4/quality/0",
                List.of("EUR", "USD", "GBP", "CHF")));
    assertThat(orders.field("itemCount").orElseThrow().rules())
        .contains(
            new RecordRule.Range(
                "/itemCount",
                "/schema/0/properties/5/logicalTypeOptions",
                Optional.of(BigDecimal.ONE),
                false,
                Optional.of(new BigDecimal("500")),
                false));
    assertThat(orders.recordRules())
        .extracting(r -> r.getClass().getSimpleName())
        .contains("Required", "ValidValues", "Pattern", "Range", "Length");
    assertThat(orders.recordRules())
        .extracting(RecordRule::path)
        .contains("/shippingAddress/country", "/customerEmail");
  }

  @Test
  void orderPlacedHasAggregateQualityRulesWithWindows() {
    DataContract orders = TestContracts.example("orders.order-placed");

    assertThat(orders.qualityRules())
        .extracting(
            QualityRule::metric, QualityRule::fields, QualityRule::window, QualityRule::severity)
        .containsExactly(
            tuple(
                QualityMetric.NULL_VALUES,
                List.of("/couponCode"),
                Duration.ofHours(1),
                RuleSeverity.WARNING),
            tuple(QualityMetric.ROW_COUNT, List.of(), Duration.ofMinutes(15), RuleSeverity.WARNING),
            tuple(
                QualityMetric.DUPLICATE_VALUES,
                List.of("/orderId"),
                Duration.ofHours(1),
                RuleSeverity.ERROR));
    QualityRule coupons = orders.qualityRules().get(0);
    assertThat(coupons.unit()).isEqualTo(QualityRule.Unit.PERCENT);
    assertThat(coupons.threshold().isMetBy(new BigDecimal("75"))).isTrue();
    assertThat(coupons.threshold().isMetBy(new BigDecimal("60"))).isFalse();
  }

  @Test
  void orderPlacedHasSlasAndAKafkaProfile() {
    DataContract orders = TestContracts.example("orders.order-placed");

    assertThat(orders.serviceLevels().latency()).contains(Duration.ofSeconds(30));
    assertThat(orders.serviceLevels().freshness()).contains(Duration.ofMinutes(15));
    assertThat(orders.serviceLevels().retention()).contains(Duration.ofDays(30));
    assertThat(orders.serviceLevels().throughput().orElseThrow().minRecords()).isEqualTo(10);
    assertThat(orders.serviceLevels().throughput().orElseThrow().window())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(orders.kafka().keyField()).contains("orderId");
    assertThat(orders.kafka().partitions()).isEqualTo(6);
    assertThat(orders.kafka().eventTimeField()).contains("placedAt");
    assertThat(orders.kafka().certifiedRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(orders.kafka().rawRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(orders.kafka().deadLetterRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(orders.kafka().compacted()).isFalse();
    assertThat(orders.compatibility()).isEqualTo(CompatibilityMode.BACKWARD);
    assertThat(orders.topics().certified()).isEqualTo("orders.order-placed.certified");
  }

  @Test
  void theDerivedProductDeclaresItsUpstreamInputs() {
    DataContract revenue = TestContracts.example("analytics.revenue-by-hour");

    assertThat(revenue.kafka().upstreamProducts())
        .containsExactly(
            new ProductId("orders", "order-placed"), new ProductId("payments", "transaction"));
    assertThat(revenue.kafka().compacted()).isTrue();
    assertThat(revenue.compatibility()).isEqualTo(CompatibilityMode.FULL_TRANSITIVE);
  }

  @Test
  void inventoryLevelIsACompactedProductWithAnAggregateNullRule() {
    DataContract inventory = TestContracts.example("catalog.inventory-level");

    assertThat(inventory.kafka().compacted()).isTrue();
    assertThat(inventory.kafka().keyField()).contains("inventoryKey");
    assertThat(inventory.qualityRules())
        .extracting(QualityRule::metric, QualityRule::fields, QualityRule::unit)
        .containsExactly(
            tuple(QualityMetric.NULL_VALUES, List.of("/reorderPoint"), QualityRule.Unit.PERCENT));
  }

  @Test
  void theContractDocumentIsKeptAsACopy() {
    DataContract orders = TestContracts.example("orders.order-placed");

    ((com.fasterxml.jackson.databind.node.ObjectNode) orders.document()).put("domain", "changed");

    assertThat(orders.document().path("domain").asText()).isEqualTo("orders");
  }
}
