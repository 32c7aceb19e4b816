package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.SupportChannel;
import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The alert lifecycle (docs/QUALITY.md, "Alerts"): a failing check with no open alert emits one
 * FIRING; a passing check with an open alert emits one RESOLVED; anything else emits nothing. Open
 * alerts live in a persistent store keyed by fingerprint, so restarts do not repeat them. Every
 * change also emits the product's new health. Owned by one stream thread.
 */
final class AlertLifecycle {
  private static final Serializer<String> PREFIX = Serdes.String().serializer();

  /** Where alert and health records go. */
  interface Emitter {
    void alert(QualityAlertEvent alert, long timestamp);

    void health(ProductHealthEvent health, long timestamp);
  }

  private final KeyValueStore<String, AlertState> open;
  private final ReadOnlyKeyValueStore<String, ProductHealthEvent> allHealth;
  private final Emitter emitter;

  AlertLifecycle(
      KeyValueStore<String, AlertState> open,
      ReadOnlyKeyValueStore<String, ProductHealthEvent> allHealth,
      Emitter emitter) {
    this.open = open;
    this.allHealth = allHealth;
    this.emitter = emitter;
  }

  static String fingerprint(String productId, String check) {
    return productId + "/" + check;
  }

  /** Applies the outcomes of one evaluation of {@code productId}'s checks. */
  void apply(
      String productId, Optional<DataContract> contract, List<CheckOutcome> outcomes, long now) {
    boolean changed = false;
    for (CheckOutcome outcome : outcomes) {
      String fingerprint = fingerprint(productId, outcome.check());
      AlertState state = open.get(fingerprint);
      if (!outcome.passing() && state == null) {
        AlertState firing =
            new AlertState(
                productId,
                outcome.check(),
                outcome.kind(),
                outcome.severity(),
                outcome.observed(),
                outcome.expected(),
                outcome.windowStart(),
                outcome.windowEnd(),
                now,
                contract.map(c -> c.version().toString()).orElse(""),
                inhibitors(contract));
        open.put(fingerprint, firing);
        emitter.alert(
            event(fingerprint, firing, QualityAlertEvent.Status.FIRING, outcome, contract, now),
            now);
        changed = true;
      } else if (outcome.passing() && state != null) {
        open.delete(fingerprint);
        emitter.alert(
            event(fingerprint, state, QualityAlertEvent.Status.RESOLVED, outcome, contract, now),
            now);
        changed = true;
      }
    }
    if (changed) {
      emitHealth(productId, contract, now);
    }
  }

  /** Publishes the product's current health (e.g. when it first becomes known). */
  void emitHealth(String productId, Optional<DataContract> contract, long now) {
    List<ProductHealthEvent.OpenAlert> alerts = new ArrayList<>();
    ProductHealthEvent.Status status = ProductHealthEvent.Status.HEALTHY;
    for (AlertState state : openAlerts(productId)) {
      alerts.add(
          new ProductHealthEvent.OpenAlert(
              fingerprint(productId, state.check()),
              state.check(),
              state.kind(),
              state.severity(),
              state.observed(),
              state.expected(),
              Instant.ofEpochMilli(state.firstSeen()),
              state.inhibitedBy()));
      status = worse(status, state.severity());
    }
    emitter.health(
        new ProductHealthEvent(
            productId,
            status,
            alerts,
            contract.map(c -> c.version().toString()).orElse(""),
            contract.map(DataContract::owner).orElse(""),
            Instant.ofEpochMilli(now)),
        now);
  }

  private List<AlertState> openAlerts(String productId) {
    List<AlertState> alerts = new ArrayList<>();
    try (KeyValueIterator<String, AlertState> it = open.prefixScan(productId + "/", PREFIX)) {
      while (it.hasNext()) {
        KeyValue<String, AlertState> next = it.next();
        alerts.add(next.value);
      }
    }
    return alerts;
  }

  /**
   * The inhibition rule: the declared upstream products that have an open alert of severity {@code
   * warning} or {@code error}, from this task's alert store or, for upstreams owned by other tasks,
   * from the global health store.
   */
  private List<String> inhibitors(Optional<DataContract> contract) {
    if (contract.isEmpty()) {
      return List.of();
    }
    List<String> inhibitors = new ArrayList<>();
    for (ProductId upstream : contract.get().kafka().upstreamProducts()) {
      String id = upstream.toString();
      if (hasPagingAlert(openAlerts(id).stream().map(AlertState::severity).toList())
          || hasPagingAlert(globalSeverities(id))) {
        inhibitors.add(id);
      }
    }
    return inhibitors.stream().sorted().toList();
  }

  private List<String> globalSeverities(String productId) {
    if (allHealth == null) {
      return List.of();
    }
    ProductHealthEvent health = allHealth.get(productId);
    return health == null
        ? List.of()
        : health.openAlerts().stream().map(ProductHealthEvent.OpenAlert::severity).toList();
  }

  private static boolean hasPagingAlert(List<String> severities) {
    return severities.stream().anyMatch(s -> s.equals("error") || s.equals("warning"));
  }

  private static ProductHealthEvent.Status worse(
      ProductHealthEvent.Status current, String severity) {
    ProductHealthEvent.Status candidate =
        switch (severity) {
          case "error" -> ProductHealthEvent.Status.FAILING;
          case "warning" -> ProductHealthEvent.Status.DEGRADED;
          default -> ProductHealthEvent.Status.HEALTHY;
        };
    return candidate.compareTo(current) > 0 ? candidate : current;
  }

  private static QualityAlertEvent event(
      String fingerprint,
      AlertState state,
      QualityAlertEvent.Status status,
      CheckOutcome outcome,
      Optional<DataContract> contract,
      long now) {
    Optional<SupportChannel> support = contract.flatMap(c -> c.support().stream().findFirst());
    return new QualityAlertEvent(
        fingerprint,
        state.productId(),
        state.check(),
        state.kind(),
        state.severity(),
        status,
        outcome.observed(),
        outcome.expected(),
        outcome.summary(state.productId()),
        outcome.windowStart() < 0 ? null : Instant.ofEpochMilli(outcome.windowStart()),
        outcome.windowEnd() < 0 ? null : Instant.ofEpochMilli(outcome.windowEnd()),
        Instant.ofEpochMilli(state.firstSeen()),
        Instant.ofEpochMilli(now),
        contract.map(c -> c.version().toString()).orElse(state.contractVersion()),
        contract.map(DataContract::owner).orElse(""),
        support.map(SupportChannel::channel).orElse(""),
        support.map(SupportChannel::url).orElse(""),
        state.inhibitedBy());
  }
}
