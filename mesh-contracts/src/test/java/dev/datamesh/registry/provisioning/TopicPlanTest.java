package dev.datamesh.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.TestContracts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

  @Test
  void ordersGetSixPartitionsAndTheirRetentionsAndADeadLetterTopicWithHeadroom() {
    DataContract orders = TestContracts.example("orders.order-placed");
    TopicPlan plan = TopicPlan.of(orders, 1_048_588, 65_536);
    assertThat(plan.all())
        .extracting(TopicSpec::name)
        .containsExactly(
            "orders.order-placed.raw", "orders.order-placed.certified", "orders.order-placed.dlq");
    assertThat(plan.all()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(6));
    assertThat(plan.raw().configs())
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()))
        .containsEntry("cleanup.policy", "delete")
        .doesNotContainKey("max.message.bytes");
    assertThat(plan.certified().configs())
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()))
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("max.message.bytes", "1114124");
    assertThat(plan.deadLetter().configs())
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()))
        .containsEntry("max.message.bytes", "1114124");
  }

  @Test
  void aCompactedProductGetsACompactedCertifiedTopic() {
    DataContract inventory = TestContracts.example("catalog.inventory-level");
    TopicPlan plan = TopicPlan.of(inventory, 2_000_000, 0);
    assertThat(plan.certified().configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("max.message.bytes", "2000000");
    assertThat(plan.raw().configs()).containsEntry("cleanup.policy", "delete");
    assertThat(plan.raw().partitions()).isEqualTo(3);
  }
}
