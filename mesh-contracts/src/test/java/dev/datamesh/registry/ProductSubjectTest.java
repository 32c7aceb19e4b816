package dev.datamesh.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductSubjectTest {

  @Test
  void productTopicSubjectsAreRecognised() {
    ProductSubject s = ProductSubject.parse("orders.order-placed.raw-value").orElseThrow();
    assertThat(s.domain()).isEqualTo("orders");
    assertThat(s.product()).isEqualTo("order-placed");
    assertThat(s.topic()).isEqualTo("orders.order-placed.raw");
    assertThat(s.productId()).isEqualTo("orders.order-placed");
    assertThat(s.isContractSubject()).isTrue();
    assertThat(
            ProductSubject.parse("orders.order-placed.certified-value")
                .orElseThrow()
                .isContractSubject())
        .isTrue();
    assertThat(
            ProductSubject.parse("orders.order-placed.dlq-value").orElseThrow().isContractSubject())
        .isFalse();
    assertThat(
            ProductSubject.parse("orders.order-placed.raw-key").orElseThrow().isContractSubject())
        .isFalse();
  }

  @Test
  void otherSubjectsBelongToNoProduct() {
    assertThat(ProductSubject.parse("orders-value")).isEmpty();
    assertThat(ProductSubject.parse("Orders.Placed.raw-value")).isEmpty();
    assertThat(ProductSubject.parse("orders.placed.raw")).isEmpty();
    assertThat(ProductSubject.parse("orders.placed.archive-value")).isEmpty();
    assertThat(ProductSubject.parse("com.acme.Order")).isEmpty();
    assertThat(ProductSubject.parse(null)).isEmpty();
  }
}
