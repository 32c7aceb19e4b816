package dev.datamesh.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelValuesTest {

  @Test
  void productIdsAreTwoLowerCaseKebabSegments() {
    assertThat(ProductId.parse("orders.order-placed"))
        .contains(new ProductId("orders", "order-placed"));
    for (String bad :
        new String[] {
          "orders", "Orders.x", "a.b.c", "orders.order_placed", "1st.x", "a.-b", "a.b-", ""
        }) {
      assertThat(ProductId.parse(bad)).as(bad).isEmpty();
    }
    assertThatThrownBy(() -> new ProductId("Orders", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topicsAndSubjectsFollowTheNamingConvention() {
    ProductTopics topics = new ProductId("orders", "order-placed").topics();

    assertThat(topics.raw()).isEqualTo("orders.order-placed.raw");
    assertThat(topics.certified()).isEqualTo("orders.order-placed.certified");
    assertThat(topics.deadLetter()).isEqualTo("orders.order-placed.dlq");
    assertThat(topics.rawValueSubject()).isEqualTo("orders.order-placed.raw-value");
    assertThat(topics.certifiedValueSubject()).isEqualTo("orders.order-placed.certified-value");
    assertThat(ProductTopics.keySubject(topics.certified()))
        .isEqualTo("orders.order-placed.certified-key");
  }

  @Test
  void semanticVersionsParseAndOrder() {
    SemanticVersion v = SemanticVersion.parse("1.2.3-rc.1+build.5").orElseThrow();

    assertThat(v.major()).isEqualTo(1);
    assertThat(v.preRelease()).isEqualTo("rc.1");
    assertThat(v.build()).isEqualTo("build.5");
    assertThat(v).hasToString("1.2.3-rc.1+build.5");
    assertThat(SemanticVersion.parse("1.2")).isEmpty();
    assertThat(SemanticVersion.parse("01.2.3")).isEmpty();
    assertThat(SemanticVersion.parse("1.10.0").orElseThrow())
        .isGreaterThan(SemanticVersion.parse("1.9.9").orElseThrow());
    assertThat(SemanticVersion.parse("1.0.0").orElseThrow())
        .isGreaterThan(SemanticVersion.parse("1.0.0-rc.1").orElseThrow());
  }

  @Test
  void durationsReadShortIsoAndSlaForms() {
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("PT15M")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("P7D")).contains(Duration.ofDays(7));
    assertThat(Durations.parse("1.5h")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.of(BigDecimal.valueOf(3), "y")).contains(Duration.ofDays(3 * 365));
    assertThat(Durations.parse("0s")).isEmpty();
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.parse("PT-5M")).isEmpty();
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
  }

  @Test
  void thresholdsFollowTheOdcsOperators() {
    Threshold lessThanOne = Threshold.of(Threshold.Operator.MUST_BE_LESS_THAN, BigDecimal.ONE);
    Threshold between =
        new Threshold(
            Threshold.Operator.MUST_BE_BETWEEN, BigDecimal.ONE, Optional.of(BigDecimal.TEN));

    assertThat(lessThanOne.isMetBy(new BigDecimal("0.99"))).isTrue();
    assertThat(lessThanOne.isMetBy(BigDecimal.ONE)).isFalse();
    assertThat(between.isMetBy(BigDecimal.TEN)).isTrue();
    assertThat(between.isMetBy(new BigDecimal("10.01"))).isFalse();
    assertThat(Threshold.of(Threshold.Operator.MUST_BE, BigDecimal.ZERO).zeroTolerance()).isTrue();
  }

  @Test
  void compatibilityModesAreTheConfluentLevels() {
    assertThat(CompatibilityMode.values()).hasSize(7);
    assertThat(CompatibilityMode.parse("full_transitive"))
        .contains(CompatibilityMode.FULL_TRANSITIVE);
    assertThat(CompatibilityMode.FULL.checksBackward()).isTrue();
    assertThat(CompatibilityMode.FULL.checksForward()).isTrue();
    assertThat(CompatibilityMode.FORWARD.checksBackward()).isFalse();
    assertThat(CompatibilityMode.BACKWARD_TRANSITIVE.transitive()).isTrue();
  }

  @Test
  void errorCodesAreUniqueAndStable() {
    assertThat(
            java.util.Arrays.stream(ContractErrorCode.values())
                .map(ContractErrorCode::code)
                .distinct()
                .count())
        .isEqualTo(ContractErrorCode.values().length);
    assertThat(ContractErrorCode.RECORD_REQUIRED_MISSING.code())
        .isEqualTo("RECORD_REQUIRED_MISSING");
  }
}
