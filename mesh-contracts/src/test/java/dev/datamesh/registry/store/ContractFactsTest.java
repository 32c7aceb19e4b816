package dev.datamesh.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.registry.schema.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Contract and policy facts: codec, state, compaction, and pending overlays. */
class ContractFactsTest {

  private static StoredContract contract(String product, String version, int schemaId) {
    return new StoredContract(
        product,
        version,
        "active",
        product.substring(0, product.indexOf('.')),
        "team",
        "BACKWARD",
        schemaId,
        1000L,
        "1.0.0",
        "{\"version\":\"" + version + "\"}");
  }

  private static Fact decoded(Fact f) {
    return FactCodec.decode(FactCodec.key(f), FactCodec.value(f)).orElseThrow();
  }

  @Test
  void contractAndPolicyFactsSurviveTheCodec() {
    Fact contract = new Fact.ContractPut(contract("orders.placed", "1.2.3-rc.1+b7", 4));
    Fact policies =
        new Fact.PoliciesPut(new StoredPolicies("2.0.0", "kind: GovernancePolicies", 5L));
    assertThat(contract.key()).isEqualTo("contract:orders.placed:1.2.3-rc.1+b7");
    assertThat(policies.key()).isEqualTo("policies");
    assertThat(decoded(contract)).isEqualTo(contract);
    assertThat(decoded(policies)).isEqualTo(policies);
  }

  @Test
  void subscriptionFactsSurviveTheCodecAndTheNewestPerKeyIsTheState() {
    StoredSubscription pending =
        new StoredSubscription(
            "orders.placed", "analytics", "User:analytics", "PENDING", "bi", 10L, 0L, "");
    Fact requested = new Fact.SubscriptionPut(pending);
    Fact approved = new Fact.SubscriptionPut(pending.decided("APPROVED", "orders", 20L));
    Fact other =
        new Fact.SubscriptionPut(
            new StoredSubscription(
                "orders.placed", "payments", "User:payments", "PENDING", "", 30L, 0L, ""));
    assertThat(requested.key()).isEqualTo("subscription:orders.placed:analytics");
    assertThat(decoded(approved)).isEqualTo(approved);

    RegistryStateMachine full = RegistryStateMachine.empty();
    List.of(requested, other, approved).forEach(full::apply);
    RegistryStateMachine compacted = RegistryStateMachine.empty();
    List.of(other, approved).forEach(compacted::apply);
    assertThat(compacted.allSubscriptions()).isEqualTo(full.allSubscriptions());
    assertThat(full.subscription("orders.placed", "analytics").orElseThrow().approved()).isTrue();
    assertThat(full.subscriptions("orders.placed"))
        .extracting(StoredSubscription::consumer)
        .containsExactly("analytics", "payments");
    RegistryState overlay =
        RegistryState.withPending(
            compacted,
            List.of(new Fact.SubscriptionPut(pending.decided("REVOKED", "orders", 40L))));
    assertThat(overlay.subscription("orders.placed", "analytics").orElseThrow().status())
        .isEqualTo("REVOKED");
    assertThat(overlay.allSubscriptions()).hasSize(2);
    assertThatThrownBy(
            () ->
                FactCodec.decode(
                    "subscription:orders.placed:other".getBytes(StandardCharsets.UTF_8),
                    FactCodec.value(approved)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aContractRecordUnderAnotherKeyIsRejectedAsMalformed() {
    byte[] value = FactCodec.value(new Fact.ContractPut(contract("orders.placed", "1.0.0", 1)));
    assertThatThrownBy(
            () ->
                FactCodec.decode(
                    "contract:orders.placed:2.0.0".getBytes(StandardCharsets.UTF_8), value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionsAreOrderedSemanticallyWhateverTheLogOrder() {
    RegistryStateMachine state = RegistryStateMachine.empty();
    for (String v : List.of("1.10.0", "1.2.0", "2.0.0-rc.1", "1.9.9")) {
      state.apply(new Fact.ContractPut(contract("orders.placed", v, 1)));
    }
    state.apply(new Fact.ContractPut(contract("payments.made", "1.0.0", 2)));
    assertThat(state.contracts("orders.placed"))
        .extracting(StoredContract::version)
        .containsExactly("1.2.0", "1.9.9", "1.10.0", "2.0.0-rc.1");
    assertThat(state.latestContract("orders.placed").orElseThrow().version())
        .isEqualTo("2.0.0-rc.1");
    assertThat(state.contractProducts()).containsExactly("orders.placed", "payments.made");
    assertThat(state.contracts("unknown.product")).isEmpty();
  }

  @Test
  void replayingOnlyTheNewestRecordPerKeyGivesTheSameContractsAndPolicies() {
    Random random = new Random(7);
    List<Fact> log = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      switch (random.nextInt(3)) {
        case 0 ->
            log.add(
                new Fact.ContractPut(
                    contract(
                        random.nextBoolean() ? "orders.placed" : "payments.made",
                        "1." + random.nextInt(5) + ".0",
                        random.nextInt(9))));
        case 1 ->
            log.add(
                new Fact.PoliciesPut(
                    new StoredPolicies("1." + i + ".0", "text " + i, random.nextLong())));
        default ->
            log.add(
                new Fact.ConfigPut(
                    "s",
                    new CompatibilityConfig(
                        CompatibilityLevel.values()[random.nextInt(7)],
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
      }
    }
    RegistryStateMachine full = RegistryStateMachine.empty();
    log.forEach(f -> full.apply(decoded(f)));
    Map<String, Fact> newest = new LinkedHashMap<>();
    for (Fact f : log) {
      newest.remove(f.key());
      newest.put(f.key(), f);
    }
    List<Fact> compactedLog = new ArrayList<>(newest.values());
    RegistryStateMachine compacted = RegistryStateMachine.empty();
    compactedLog.forEach(f -> compacted.apply(decoded(f)));
    Collections.shuffle(compactedLog, random);
    RegistryStateMachine shuffled = RegistryStateMachine.empty();
    compactedLog.forEach(f -> shuffled.apply(decoded(f)));

    for (RegistryState s : List.of(compacted, shuffled)) {
      assertThat(s.contractProducts()).isEqualTo(full.contractProducts());
      for (String p : full.contractProducts()) {
        assertThat(s.contracts(p)).isEqualTo(full.contracts(p));
      }
    }
    assertThat(compacted.policies()).isEqualTo(full.policies());
    assertThat(compacted.config("s")).isEqualTo(full.config("s"));
  }

  @Test
  void aPendingOverlayAnswersAsIfItsFactsWereApplied() {
    RegistryStateMachine base = RegistryStateMachine.empty();
    base.apply(
        new Fact.SchemaPut(
            new StoredSchema(1, "AVRO", "\"string\"", null, null, null, "h1", "g1")));
    base.apply(new Fact.VersionPut(new SubjectVersion("a", 1, 1, false, 1L)));
    base.apply(new Fact.ContractPut(contract("orders.placed", "1.0.0", 1)));
    List<Fact> pending =
        List.of(
            new Fact.SchemaPut(
                new StoredSchema(2, "AVRO", "\"long\"", null, null, null, "h2", "g2")),
            new Fact.VersionPut(new SubjectVersion("a", 2, 2, false, 2L)),
            new Fact.VersionPut(new SubjectVersion("b", 1, 1, false, 3L)),
            new Fact.ConfigPut("a", CompatibilityConfig.empty()),
            new Fact.ContractPut(contract("orders.placed", "1.1.0", 2)),
            new Fact.PoliciesPut(new StoredPolicies("3.0.0", "p", 1L)));

    RegistryState overlay = RegistryState.withPending(base, pending);
    RegistryStateMachine applied = RegistryStateMachine.empty();
    List.of(
            new Fact.SchemaPut(
                new StoredSchema(1, "AVRO", "\"string\"", null, null, null, "h1", "g1")),
            new Fact.VersionPut(new SubjectVersion("a", 1, 1, false, 1L)),
            new Fact.ContractPut(contract("orders.placed", "1.0.0", 1)))
        .forEach(applied::apply);
    pending.forEach(applied::apply);

    assertThat(overlay.maxSchemaId()).isEqualTo(applied.maxSchemaId());
    assertThat(overlay.subjects()).isEqualTo(applied.subjects());
    assertThat(overlay.versions("a")).isEqualTo(applied.versions("a"));
    assertThat(overlay.usages(1)).isEqualTo(applied.usages(1));
    assertThat(overlay.schemaByIdentity("h2")).isEqualTo(applied.schemaByIdentity("h2"));
    assertThat(overlay.config("a")).isEqualTo(applied.config("a"));
    assertThat(overlay.contracts("orders.placed")).isEqualTo(applied.contracts("orders.placed"));
    assertThat(overlay.policies()).isEqualTo(applied.policies());
    assertThat(base.versions("a")).as("the base is untouched").hasSize(1);
    assertThatThrownBy(
            () -> RegistryState.withPending(base, List.of(new Fact.VersionRemoved("a", 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
