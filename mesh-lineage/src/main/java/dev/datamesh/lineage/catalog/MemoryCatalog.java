package dev.datamesh.lineage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.lineage.discovery.ConsumerGroup;
import dev.datamesh.lineage.openlineage.LineageEvents;
import dev.datamesh.lineage.openlineage.QualityAlert;
import dev.datamesh.lineage.openlineage.QualityObservation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Catalog} in memory; one lock guards all state (writes are rare and small). */
final class MemoryCatalog implements Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryCatalog.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Map<String, ProductState> products = new TreeMap<>();
  private final Set<String> startedJobs = new HashSet<>();
  private final Map<String, List<String>> publishedConsumers = new TreeMap<>();
  private List<ConsumerGroup> liveConsumers;
  private List<Subscriber> subscribers = List.of();
  private volatile boolean ready;
  private long ignored;

  MemoryCatalog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void applyMetadata(byte[] json) {
    JsonNode event = read(json);
    if (event == null) {
      return;
    }
    if (event.path("dataset").isObject()) {
      applyDataset(event);
    } else if (event.path("run").isObject()) {
      applyRun(event);
    } else if (event.path("job").isObject()) {
      applyJob(event);
    } else {
      ignored++;
    }
  }

  private void applyDataset(JsonNode event) {
    JsonNode dataset = event.path("dataset");
    String topic = dataset.path("name").asText("");
    Optional<String> product = productOfTopic(topic, ".certified");
    if (product.isEmpty()) {
      return; // raw and dead-letter events repeat what the certified one says
    }
    JsonNode facets = dataset.path("facets");
    Instant at = instant(event.path("eventTime").asText("")).orElse(clock.instant());
    JsonNode contract = facets.path(LineageEvents.CONTRACT_FACET);
    if (contract.isObject()) {
      ProductState state = state(product.get());
      state.contract = contract;
      state.dropped = false;
      state.versions.putIfAbsent(contract.path("version").asText("?"), at);
      if (facets.path("schema").path("fields").isArray()) {
        state.schemaFields = facets.path("schema").path("fields");
      }
    }
    if ("DROP".equals(facets.path("lifecycleStateChange").path("lifecycleStateChange").asText())) {
      ProductState state = products.get(product.get());
      if (state != null) {
        state.dropped = true;
      }
    }
    JsonNode freshness = facets.path(LineageEvents.FRESHNESS_FACET);
    if (freshness.isObject()) {
      state(product.get()).freshness = freshness;
    }
  }

  private void applyRun(JsonNode event) {
    String job = event.path("job").path("name").asText("");
    startedJobs.add(job);
    if (job.startsWith(LineageEvents.GATEWAY_JOB_PREFIX)) {
      String product = job.substring(LineageEvents.GATEWAY_JOB_PREFIX.length());
      if (ProductId.parse(product).isEmpty()) {
        return;
      }
      ProductState state = state(product);
      for (JsonNode output : event.path("outputs")) {
        long rows = output.path("outputFacets").path("outputStatistics").path("rowCount").asLong(0);
        String name = output.path("name").asText("");
        if (name.endsWith(".certified")) {
          state.certified += rows;
        } else if (name.endsWith(".dlq")) {
          state.deadLettered += rows;
        }
      }
    } else if (job.startsWith(LineageEvents.QUALITY_JOB_PREFIX)) {
      String product = job.substring(LineageEvents.QUALITY_JOB_PREFIX.length());
      if (ProductId.parse(product).isEmpty()) {
        return;
      }
      ProductState state = state(product);
      JsonNode facets = event.path("inputs").path(0).path("inputFacets");
      JsonNode metrics = facets.path("dataQualityMetrics");
      if (metrics.has("rowCount")) {
        state.lastWindowRecords = metrics.path("rowCount").asLong();
      }
      List<JsonNode> assertions = new ArrayList<>();
      facets.path("dataQualityAssertions").path("assertions").forEach(assertions::add);
      state.lastAssertions = assertions;
    }
  }

  private void applyJob(JsonNode event) {
    JsonNode job = event.path("job");
    if (!"CONSUMER_GROUP".equals(job.path("facets").path("jobType").path("jobType").asText())) {
      return;
    }
    List<String> topics = new ArrayList<>();
    event.path("inputs").forEach(i -> topics.add(i.path("name").asText()));
    publishedConsumers.put(job.path("name").asText(), List.copyOf(topics));
  }

  @Override
  public synchronized void applyHealth(String key, byte[] json) {
    if (json == null) {
      if (key != null && products.containsKey(key)) {
        ProductState state = products.get(key);
        state.health = null;
        state.healthAlerts = null;
      }
      return;
    }
    JsonNode health = read(json);
    if (health == null) {
      return;
    }
    String product = health.path("productId").asText(key == null ? "" : key);
    if (ProductId.parse(product).isEmpty()) {
      ignored++;
      return;
    }
    ProductState state = state(product);
    state.health = health.path("status").asText("").toLowerCase(Locale.ROOT);
    state.healthAt = instant(health.path("updatedAt").asText("")).orElse(clock.instant());
    state.healthAlerts =
        health.path("openAlerts").isArray() ? health.path("openAlerts") : JSON.createArrayNode();
  }

  @Override
  public synchronized void applyAlert(byte[] json) {
    JsonNode node = read(json);
    if (node == null) {
      return;
    }
    Optional<QualityAlert> alert = QualityAlert.parse(node);
    if (alert.isEmpty()) {
      ignored++;
      return;
    }
    state(alert.get().productId()).alerts.put(alert.get().check(), alert.get());
  }

  @Override
  public synchronized void applyConsumers(List<ConsumerGroup> groups) {
    liveConsumers = List.copyOf(groups);
  }

  @Override
  public synchronized void applySubscriptions(List<Subscriber> subscribers) {
    this.subscribers = List.copyOf(subscribers);
  }

  @Override
  public void markReady() {
    ready = true;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public synchronized long ignoredRecords() {
    return ignored;
  }

  @Override
  public synchronized List<ProductSummary> search(ProductQuery query) {
    List<ProductSummary> found = new ArrayList<>();
    for (ProductState state : products.values()) {
      if (state.visible() && matches(state, query)) {
        found.add(summary(state));
      }
    }
    return found;
  }

  private static boolean matches(ProductState s, ProductQuery q) {
    if (q.domain().isPresent() && !q.domain().get().equals(lower(s.text("domain")))) {
      return false;
    }
    if (q.owner().isPresent() && !q.owner().get().equals(lower(s.text("owner")))) {
      return false;
    }
    if (q.tag().isPresent()
        && s.tags().stream().map(MemoryCatalog::lower).noneMatch(q.tag().get()::equals)) {
      return false;
    }
    if (q.status().isPresent() && q.status().get() != s.status()) {
      return false;
    }
    if (q.text().isPresent()) {
      String haystack =
          lower(
              String.join(
                  " ",
                  s.productId,
                  s.text("name"),
                  s.text("description"),
                  s.text("owner"),
                  String.join(" ", s.tags())));
      for (String word : q.text().get().split("\\s+")) {
        if (!haystack.contains(word)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public synchronized Optional<ProductDetail> product(String productId) {
    ProductState s = products.get(productId);
    if (s == null || !s.visible()) {
      return Optional.empty();
    }
    return Optional.of(
        DetailAssembler.detail(s, summary(s), downstream(productId), consumerViews(s)));
  }

  @Override
  public synchronized LineageGraph graph() {
    return graphBuilder().all();
  }

  @Override
  public synchronized Optional<LineageGraph> productGraph(String productId) {
    ProductState s = products.get(productId);
    if (s == null || !s.visible()) {
      return Optional.empty();
    }
    return Optional.of(graphBuilder().around(productId));
  }

  @Override
  public synchronized Optional<List<ConsumerView>> consumers(String productId) {
    ProductState s = products.get(productId);
    if (s == null || !s.visible()) {
      return Optional.empty();
    }
    return Optional.of(consumerViews(s));
  }

  @Override
  public synchronized Optional<String> publishedVersion(String productId) {
    ProductState s = products.get(productId);
    return s == null || !s.visible() ? Optional.empty() : Optional.of(s.text("version"));
  }

  @Override
  public synchronized Set<String> startedJobs() {
    return Set.copyOf(startedJobs);
  }

  @Override
  public synchronized Optional<Instant> newestEventTime(String productId) {
    ProductState s = products.get(productId);
    if (s == null || s.freshness == null) {
      return Optional.empty();
    }
    return instant(s.freshness.path("newestEventTime").asText(""));
  }

  @Override
  public synchronized Optional<Instant> freshnessPublishedAt(String productId) {
    ProductState s = products.get(productId);
    if (s == null || s.freshness == null) {
      return Optional.empty();
    }
    return instant(s.freshness.path("evaluatedAt").asText(""));
  }

  @Override
  public synchronized Map<String, List<String>> publishedConsumers() {
    return Map.copyOf(publishedConsumers);
  }

  @Override
  public synchronized List<QualityObservation.AssertionResult> checks(String productId) {
    ProductState s = products.get(productId);
    if (s == null) {
      return List.of();
    }
    return s.alerts.values().stream().map(QualityAlert::toAssertion).toList();
  }

  private ProductSummary summary(ProductState s) {
    return new ProductSummary(
        s.productId,
        s.text("name").isBlank() ? s.productId : s.text("name"),
        s.text("domain"),
        s.text("owner"),
        s.text("description"),
        s.tags(),
        s.text("version"),
        s.status().json(),
        s.health,
        freshness(s),
        s.certified,
        s.deadLettered,
        s.qualityScore(),
        s.openAlertCount(),
        consumerViews(s).size());
  }

  private ProductSummary.FreshnessView freshness(ProductState s) {
    if (s.freshness == null) {
      Long sla = slaSeconds(s);
      return new ProductSummary.FreshnessView("unknown", null, null, sla, null);
    }
    JsonNode f = s.freshness;
    Optional<Instant> newest = instant(f.path("newestEventTime").asText(""));
    Long age =
        newest.map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(null);
    return new ProductSummary.FreshnessView(
        s.freshnessStatus(),
        newest.map(Instant::toString).orElse(null),
        age,
        f.has("slaSeconds") ? f.path("slaSeconds").asLong() : slaSeconds(s),
        f.path("evaluatedAt").asText(null));
  }

  private static Long slaSeconds(ProductState s) {
    String iso = s.contract == null ? "" : s.contract.path("sla").path("freshness").asText("");
    try {
      return iso.isEmpty() ? null : Duration.parse(iso).toSeconds();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private List<String> downstream(String productId) {
    List<String> ids = new ArrayList<>();
    for (ProductState s : products.values()) {
      if (s.visible() && s.upstream().contains(productId)) {
        ids.add(s.productId);
      }
    }
    return ids;
  }

  private List<ConsumerView> consumerViews(ProductState s) {
    String topic = s.productId + ".certified";
    List<ConsumerView> views = new ArrayList<>();
    if (liveConsumers != null) {
      for (ConsumerGroup g : liveConsumers) {
        for (ConsumerGroup.TopicLag t : g.topics()) {
          if (t.topic().equals(topic)) {
            views.add(
                new ConsumerView(g.groupId(), g.state(), g.members(), t.committed(), t.lag()));
          }
        }
      }
    } else {
      publishedConsumers.forEach(
          (group, topics) -> {
            if (topics.contains(topic)) {
              views.add(new ConsumerView(group, "Unknown", 0, 0, 0));
            }
          });
    }
    return views;
  }

  private GraphBuilder graphBuilder() {
    Map<String, ProductState> visible = new TreeMap<>();
    products.forEach(
        (id, s) -> {
          if (s.visible()) {
            visible.put(id, s);
          }
        });
    Map<String, List<String>> consumersByProduct = new TreeMap<>();
    for (ProductState s : visible.values()) {
      consumersByProduct.put(
          s.productId, consumerViews(s).stream().map(ConsumerView::groupId).toList());
    }
    Map<String, List<String>> subscribersByProduct = new TreeMap<>();
    for (Subscriber sub : subscribers) {
      subscribersByProduct
          .computeIfAbsent(sub.productId(), k -> new ArrayList<>())
          .add(sub.consumer());
    }
    return new GraphBuilder(visible, consumersByProduct, subscribersByProduct);
  }

  private ProductState state(String productId) {
    return products.computeIfAbsent(productId, ProductState::new);
  }

  private JsonNode read(byte[] json) {
    if (json == null) {
      ignored++;
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      LOG.debug("unreadable record skipped: {}", e.getMessage());
    }
    ignored++;
    return null;
  }

  /** {@code <id>.certified} → {@code <id>} when {@code <id>} is a product id. */
  static Optional<String> productOfTopic(String topic, String suffix) {
    if (!topic.endsWith(suffix)) {
      return Optional.empty();
    }
    String id = topic.substring(0, topic.length() - suffix.length());
    return ProductId.parse(id).map(ProductId::toString);
  }

  static Optional<Instant> instant(String text) {
    try {
      return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
