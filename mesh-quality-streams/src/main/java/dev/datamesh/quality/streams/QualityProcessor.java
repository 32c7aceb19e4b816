package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage, keyed by product: event-time windows, duplicate detection, window close (one
 * metrics record per window, then its checks), wall-clock freshness checks and the alert lifecycle.
 * Owned by one stream thread (one instance per task).
 *
 * <p>Windows close on the task's event-time watermark: the largest event time of any data record
 * the task has seen (Kafka Streams' stream time, kept in a store so markers and gateway stats do
 * not move it). A window {@code [start, end)} closes once {@code watermark >= end + grace}; records
 * for a closed window are dropped and counted as late.
 */
final class QualityProcessor implements Processor<String, Observation, String, Output> {
  private static final Logger LOG = LoggerFactory.getLogger(QualityProcessor.class);
  private static final String WATERMARK = "watermark";
  private static final char SEP = '\u0000';

  private final QualitySettings settings;
  private final ProductContracts contracts;
  private final CheckEvaluator evaluator;
  private final long graceMs;

  private ProcessorContext<String, Output> context;
  private ObjectCachedStore<WindowAggregate> windows;
  private WindowStore<String, Long> seenKeys;
  private ObjectCachedStore<ProductState> products;
  private KeyValueStore<String, Long> marks;
  private AlertLifecycle alerts;
  private long watermark;
  private long nextCloseAt;

  QualityProcessor(QualitySettings settings, ProductContracts contracts) {
    this.settings = settings;
    this.contracts = contracts;
    this.evaluator = new CheckEvaluator(settings);
    this.graceMs = settings.grace().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    this.context = context;
    this.windows = new ObjectCachedStore<>(context.getStateStore(QualityTopology.WINDOWS_STORE));
    this.seenKeys = context.getStateStore(QualityTopology.SEEN_KEYS_STORE);
    this.products = new ObjectCachedStore<>(context.getStateStore(QualityTopology.PRODUCTS_STORE));
    this.marks = context.getStateStore(QualityTopology.MARKS_STORE);
    KeyValueStore<String, AlertState> open = context.getStateStore(QualityTopology.ALERTS_STORE);
    ReadOnlyKeyValueStore<String, ProductHealthEvent> health =
        context.getStateStore(QualityTopology.HEALTH_STORE);
    this.alerts = new AlertLifecycle(open, health, new Forwarder());
    Long stored = marks.get(WATERMARK);
    this.watermark = stored == null ? Long.MIN_VALUE : stored;
    this.nextCloseAt = nextCloseAt();
    context.schedule(
        settings.freshnessInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkFreshness);
  }

  @Override
  public void process(Record<String, Observation> record) {
    String productId = record.key();
    Observation observation = record.value();
    if (productId == null || observation == null) {
      return;
    }
    long now = context.currentSystemTimeMs();
    ProductState state = known(productId, now);
    switch (observation.kind()) {
      case KNOWN -> {
        // known() did all there is to do
      }
      case STATS -> seen(productId, state, observation.eventTime());
      default -> data(productId, state, observation);
    }
  }

  private void data(String productId, ProductState state, Observation observation) {
    if (observation.eventTime() > watermark) {
      watermark = observation.eventTime();
      marks.put(WATERMARK, watermark);
    }
    if (observation.kind() != Observation.Kind.DEAD_LETTER) {
      seen(productId, state, observation.eventTime());
    }
    addToWindows(productId, contracts.contract(productId), observation);
    if (watermark >= nextCloseAt) {
      closeDueWindows();
    }
  }

  /** The product's state, created (and its first health published) when it is new. */
  private ProductState known(String productId, long now) {
    ProductState state = products.get(productId);
    if (state == null) {
      state = ProductState.knownSince(now);
      products.put(productId, state);
      alerts.emitHealth(productId, contracts.contract(productId), now);
    }
    return state;
  }

  private void seen(String productId, ProductState state, long eventTime) {
    if (eventTime > state.newestEventTime) {
      state.newestEventTime = eventTime;
      products.put(productId, state);
    }
  }

  private void addToWindows(
      String productId, Optional<DataContract> contract, Observation observation) {
    long time = observation.eventTime();
    long latencySla =
        contract.flatMap(c -> c.serviceLevels().latency()).map(Duration::toMillis).orElse(0L);
    Map<Long, WindowAggregate> touched = new HashMap<>();
    for (long size : WindowPlan.sizes(contract, settings.window())) {
      long start = WindowPlan.startOf(time, size);
      if (start + size + graceMs <= watermark) {
        marks.put(
            lateKey(productId), Optional.ofNullable(marks.get(lateKey(productId))).orElse(0L) + 1);
        LOG.debug("late record of {} at {} dropped from its {} ms window", productId, time, size);
        continue;
      }
      String key = windowKey(productId, size, start);
      WindowAggregate window = windows.get(key);
      if (window == null) {
        window = WindowAggregate.open(productId, start, size);
      }
      window.add(observation, latencySla);
      touched.put(size, window);
    }
    observation
        .keys()
        .forEach(
            (definition, value) -> {
              long size = WindowPlan.duplicateWindow(contract, definition, settings.window());
              WindowAggregate window = touched.get(size);
              if (window == null) {
                return;
              }
              String seenKey = productId + SEP + size + SEP + definition + SEP + value;
              if (seenKeys.fetch(seenKey, window.start) != null) {
                window.duplicate(definition);
              } else {
                seenKeys.put(seenKey, 1L, window.start);
              }
            });
    touched.forEach(
        (size, window) -> {
          windows.put(windowKey(productId, size, window.start), window);
          nextCloseAt = Math.min(nextCloseAt, window.end() + graceMs);
        });
  }

  private void closeDueWindows() {
    List<WindowAggregate> due = new ArrayList<>();
    long next = Long.MAX_VALUE;
    try (KeyValueIterator<String, WindowAggregate> it = windows.store().all()) {
      while (it.hasNext()) {
        KeyValue<String, WindowAggregate> entry = it.next();
        long closeAt = entry.value.end() + graceMs;
        if (closeAt <= watermark) {
          due.add(entry.value);
        } else {
          next = Math.min(next, closeAt);
        }
      }
    }
    nextCloseAt = next;
    due.sort(
        Comparator.comparingLong(WindowAggregate::end)
            .thenComparing(w -> w.productId)
            .thenComparingLong(w -> w.size));
    for (WindowAggregate window : due) {
      windows.delete(windowKey(window.productId, window.size, window.start));
      close(window);
    }
  }

  private void close(WindowAggregate window) {
    long now = context.currentSystemTimeMs();
    Optional<DataContract> contract = contracts.contract(window.productId);
    String closedKey = "closed" + SEP + window.productId + SEP + window.size;
    Long lastEnd = marks.get(closedKey);
    if (lastEnd != null && lastEnd < window.start && contract.isPresent()) {
      // Nothing arrived in the window after the last closed one: volume checks see zero rows.
      WindowAggregate empty = WindowAggregate.open(window.productId, lastEnd, window.size);
      emitMetrics(empty, contract, now);
      alerts.apply(window.productId, contract, evaluator.evaluateEmpty(contract.get(), empty), now);
    }
    emitMetrics(window, contract, now);
    contract.ifPresent(
        c -> alerts.apply(window.productId, contract, evaluator.evaluate(c, window), now));
    marks.put(closedKey, window.end());
  }

  private void emitMetrics(WindowAggregate window, Optional<DataContract> contract, long now) {
    long late = 0;
    if (window.size == settings.window().toMillis()) {
      Long counted = marks.get(lateKey(window.productId));
      if (counted != null) {
        late = counted;
        marks.delete(lateKey(window.productId));
      }
    }
    String version = contract.map(c -> c.version().toString()).orElse("");
    context.forward(
        new Record<>(
            window.productId,
            new Output(settings.metricsTopic(), MeshJson.write(window.toEvent(version, late))),
            now));
  }

  /** Wall-clock punctuation: freshness of every product this task knows. */
  private void checkFreshness(long now) {
    List<String> known = new ArrayList<>();
    try (KeyValueIterator<String, ProductState> it = products.store().all()) {
      it.forEachRemaining(kv -> known.add(kv.key));
    }
    // Upstream products first, so a downstream alert in the same pass sees its upstream's alert.
    known.sort(
        Comparator.comparingInt(
                (String p) ->
                    contracts.contract(p).map(c -> c.kafka().upstreamProducts().size()).orElse(0))
            .thenComparing(p -> p));
    for (String productId : known) {
      Optional<DataContract> contract = contracts.contract(productId);
      Optional<Duration> sla = contract.flatMap(c -> c.serviceLevels().freshness());
      ProductState state = products.get(productId);
      CheckOutcome outcome =
          sla.isPresent()
              ? CheckEvaluator.freshness(sla.get(), state.freshnessReference(), now)
              : new CheckOutcome(
                  CheckEvaluator.FRESHNESS,
                  "freshness",
                  "error",
                  true,
                  "not checked",
                  "no freshness SLA",
                  -1,
                  -1);
      alerts.apply(productId, contract, List.of(outcome), now);
    }
  }

  /** The smallest close time of the open windows (after a restart). */
  private long nextCloseAt() {
    long next = Long.MAX_VALUE;
    try (KeyValueIterator<String, WindowAggregate> it = windows.store().all()) {
      while (it.hasNext()) {
        next = Math.min(next, it.next().value.end() + graceMs);
      }
    }
    return next;
  }

  private static String windowKey(String productId, long size, long start) {
    return productId + SEP + size + SEP + start;
  }

  private static String lateKey(String productId) {
    return "late" + SEP + productId;
  }

  /** Sends alert and health records to their topics. */
  private final class Forwarder implements AlertLifecycle.Emitter {
    @Override
    public void alert(QualityAlertEvent alert, long timestamp) {
      LOG.info("{} {} ({})", alert.status(), alert.fingerprint(), alert.summary());
      context.forward(
          new Record<>(
              alert.fingerprint(),
              new Output(settings.alertsTopic(), MeshJson.write(alert)),
              timestamp));
    }

    @Override
    public void health(ProductHealthEvent health, long timestamp) {
      context.forward(
          new Record<>(
              health.productId(),
              new Output(settings.healthTopic(), MeshJson.write(health)),
              timestamp));
    }
  }
}
