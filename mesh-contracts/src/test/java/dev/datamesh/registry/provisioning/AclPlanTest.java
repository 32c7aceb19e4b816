package dev.datamesh.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.ProductTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

class AclPlanTest {
  private final AclConfig config =
      new AclConfig(
          true,
          "User:gw",
          "mesh-gateway",
          "mesh.gateway.stats",
          List.of("User:quality"),
          Map.of("orders", "User:orders-svc"),
          Duration.ofSeconds(5));
  private final ProductTopics topics = ProductTopics.of(new ProductId("orders", "placed"));

  @Test
  void theOwnerMayOnlyWriteItsRawTopic() {
    List<String> owner =
        grants(AclPlan.product(topics, config.principalOf("orders"), config), "User:orders-svc");
    assertThat(owner).containsExactly("orders.placed.raw WRITE");
  }

  @Test
  void theGatewayReadsRawAndWritesCertifiedAndDeadLetter() {
    assertThat(grants(AclPlan.product(topics, "User:orders", config), "User:gw"))
        .containsExactlyInAnyOrder(
            "orders.placed.raw READ",
            "orders.placed.raw WRITE",
            "orders.placed.certified WRITE",
            "orders.placed.dlq WRITE",
            "orders.placed.dlq READ");
    assertThat(grants(AclPlan.product(topics, "User:orders", config), "User:quality"))
        .containsExactlyInAnyOrder("orders.placed.certified READ", "orders.placed.dlq READ");
  }

  @Test
  void aSubscriptionGrantsTheCertifiedTopicAndTheDomainsGroupsAndRevocationOnlyTheTopic() {
    AclPlan granted = AclPlan.subscription(topics, "analytics", "User:analytics");
    assertThat(grants(granted, "User:analytics"))
        .containsExactlyInAnyOrder("orders.placed.certified READ", "analytics. READ");
    assertThat(granted.bindings())
        .filteredOn(b -> b.pattern().name().equals("analytics."))
        .extracting(b -> b.pattern().patternType())
        .containsExactly(PatternType.PREFIXED);
    assertThat(grants(AclPlan.revocation(topics, "User:analytics"), "User:analytics"))
        .containsExactly("orders.placed.certified READ");
  }

  @Test
  void domainsWithoutAMappingAreUserDomainAndPrincipalsAreValidated() {
    assertThat(config.principalOf("payments")).isEqualTo("User:payments");
    assertThat(AclConfig.disabled().readerPrincipals()).isEqualTo(AclConfig.DEFAULT_READERS);
    assertThatThrownBy(
            () -> new AclConfig(true, "mesh-gateway", "p", "t", null, null, Duration.ofSeconds(1)))
        .hasMessageContaining("gateway-principal");
  }

  private static List<String> grants(AclPlan plan, String principal) {
    return plan.bindings().stream()
        .filter(b -> b.entry().principal().equals(principal))
        .peek(b -> assertThat(b.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW))
        .map(AclPlanTest::describe)
        .toList();
  }

  private static String describe(AclBinding b) {
    AclOperation op = b.entry().operation();
    return b.pattern().name() + " " + op;
  }
}
