package dev.datamesh.lineage.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.lineage.catalog.Catalog;
import dev.datamesh.lineage.discovery.ConsumerGroup;
import dev.datamesh.lineage.freshness.Freshness;
import dev.datamesh.lineage.openlineage.LineageEvents;
import dev.datamesh.lineage.openlineage.MetadataRecord;
import dev.datamesh.lineage.openlineage.QualityAlert;
import dev.datamesh.lineage.openlineage.QualityMetrics;
import dev.datamesh.lineage.openlineage.QualityObservation;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MetadataEmitter} with a read_committed consumer and a transactional producer. */
final class TransactionalEmitter implements MetadataEmitter, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalEmitter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(200);

  /** Work queued by other threads for the next transaction. */
  private sealed interface Command permits ContractChanged, ContractRemoved, ConsumersDiscovered {}

  private record ContractChanged(RegisteredContract contract) implements Command {}

  private record ContractRemoved(String productId) implements Command {}

  private record ConsumersDiscovered(List<ConsumerGroup> groups) implements Command {}

  private final EmitterSettings settings;
  private final Map<String, Object> kafkaProperties;
  private final LineageEvents events;
  private final Catalog catalog;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean healthy = true;

  // Emitter-thread state.
  private volatile KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, String> producer;
  private final List<MetadataRecord> pending = new ArrayList<>();
  private final Map<String, RegisteredContract> contracts = new TreeMap<>();
  private final Map<String, String> publishedVersions = new HashMap<>();
  private final Map<String, Instant> knownSince = new HashMap<>();
  private final Map<String, Instant> newest = new HashMap<>();
  private final Map<String, Freshness> lastFreshness = new HashMap<>();
  private final Map<String, Instant> freshnessPublishedAt = new HashMap<>();
  private final Map<String, Map<String, QualityObservation.AssertionResult>> checks =
      new HashMap<>();
  private final Set<String> startedJobs = new HashSet<>();
  private final Map<String, List<String>> publishedConsumers = new HashMap<>();
  private final Set<String> freshnessDirty = new HashSet<>();
  private Instant nextFreshnessCheck = Instant.MIN;

  private TransactionalEmitter(
      EmitterSettings settings,
      Map<String, Object> kafkaProperties,
      LineageEvents events,
      Catalog catalog,
      Clock clock) {
    this.settings = settings;
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.events = events;
    this.catalog = catalog;
    this.clock = clock;
    this.thread = new Thread(this, "mesh-lineage-emitter");
    thread.setDaemon(true);
  }

  static TransactionalEmitter start(
      EmitterSettings settings,
      Map<String, Object> kafkaProperties,
      LineageEvents events,
      Catalog catalog,
      Clock clock) {
    TransactionalEmitter emitter =
        new TransactionalEmitter(settings, kafkaProperties, events, catalog, clock);
    emitter.startedJobs.addAll(catalog.startedJobs());
    emitter.publishedConsumers.putAll(catalog.publishedConsumers());
    emitter.thread.start();
    return emitter;
  }

  @Override
  public void contractChanged(RegisteredContract contract) {
    commands.add(new ContractChanged(contract));
  }

  @Override
  public void contractRemoved(String productId) {
    commands.add(new ContractRemoved(productId));
  }

  @Override
  public void consumersDiscovered(List<ConsumerGroup> groups) {
    commands.add(new ConsumersDiscovered(List.copyOf(groups)));
  }

  @Override
  public boolean healthy() {
    return healthy && thread.isAlive();
  }

  @Override
  public void run() {
    while (running) {
      try {
        if (consumer == null) {
          openClients();
        }
        cycle();
        healthy = true;
      } catch (WakeupException | InterruptException e) {
        break;
      } catch (KafkaException | IllegalStateException e) {
        healthy = false;
        LOG.warn("metadata transaction failed; retrying with fresh clients: {}", e.toString());
        closeClients(true);
        sleep(Duration.ofSeconds(1));
      }
    }
    closeClients(false);
  }

  /** One poll, one transaction (if there is anything to write or commit). */
  private void cycle() {
    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
    List<MetadataRecord> fromRecords = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      fromRecords.addAll(handle(record));
    }
    Command command;
    while ((command = commands.poll()) != null) {
      pending.addAll(handle(command));
    }
    pending.addAll(freshness());
    if (records.isEmpty() && fromRecords.isEmpty() && pending.isEmpty()) {
      return;
    }
    producer.beginTransaction();
    for (MetadataRecord m : pending) {
      producer.send(new ProducerRecord<>(settings.metadataTopic(), m.key(), m.json()));
    }
    for (MetadataRecord m : fromRecords) {
      producer.send(new ProducerRecord<>(settings.metadataTopic(), m.key(), m.json()));
    }
    if (!records.isEmpty()) {
      producer.sendOffsetsToTransaction(offsets(records), consumer.groupMetadata());
    }
    producer.commitTransaction();
    LOG.debug("published {} metadata events", pending.size() + fromRecords.size());
    pending.clear();
  }

  private List<MetadataRecord> handle(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return List.of();
    }
    String topic = record.topic();
    if (topic.equals(settings.statsTopic())) {
      return gatewayStats(record.value());
    }
    JsonNode node = read(record.value());
    if (node == null) {
      return List.of();
    }
    if (topic.equals(settings.metricsTopic())) {
      return QualityMetrics.parse(node).map(this::qualityMetrics).orElse(List.of());
    }
    if (topic.equals(settings.alertsTopic())) {
      return QualityAlert.parse(node).map(this::qualityAlert).orElse(List.of());
    }
    return List.of();
  }

  private List<MetadataRecord> gatewayStats(byte[] value) {
    GatewayStatsEvent stats;
    try {
      stats = MeshJson.read(value, GatewayStatsEvent.class);
    } catch (IllegalArgumentException | NullPointerException e) {
      LOG.debug("skipping an unreadable gateway stats record: {}", e.getMessage());
      return List.of();
    }
    if (ProductId.parse(stats.productId()).isEmpty()) {
      return List.of();
    }
    if (stats.newestEventTime() != null && stats.certified() > 0) {
      Instant known = newest(stats.productId()).orElse(Instant.MIN);
      if (stats.newestEventTime().isAfter(known)) {
        newest.put(stats.productId(), stats.newestEventTime());
        freshnessDirty.add(stats.productId());
      }
    }
    boolean first = startedJobs.add(LineageEvents.gatewayJob(stats.productId()));
    return List.of(events.gatewayRun(stats, first));
  }

  private List<MetadataRecord> qualityMetrics(QualityMetrics metrics) {
    QualityObservation observation =
        new QualityObservation(
            metrics.productId(),
            metrics.at(),
            Optional.of(metrics.metrics()),
            List.copyOf(checks(metrics.productId()).values()));
    boolean first = startedJobs.add(LineageEvents.qualityJob(metrics.productId()));
    return List.of(events.qualityRun(observation, first));
  }

  private List<MetadataRecord> qualityAlert(QualityAlert alert) {
    Map<String, QualityObservation.AssertionResult> productChecks = checks(alert.productId());
    productChecks.put(alert.check(), alert.toAssertion());
    QualityObservation observation =
        new QualityObservation(
            alert.productId(), alert.at(), Optional.empty(), List.copyOf(productChecks.values()));
    boolean first = startedJobs.add(LineageEvents.qualityJob(alert.productId()));
    return List.of(events.qualityRun(observation, first));
  }

  private Map<String, QualityObservation.AssertionResult> checks(String productId) {
    return checks.computeIfAbsent(
        productId,
        p -> {
          Map<String, QualityObservation.AssertionResult> known = new LinkedHashMap<>();
          catalog.checks(p).forEach(a -> known.put(a.check(), a));
          return known;
        });
  }

  private List<MetadataRecord> handle(Command command) {
    Instant now = clock.instant();
    if (command instanceof ContractChanged changed) {
      return contractChanged(changed.contract(), now);
    }
    if (command instanceof ContractRemoved removed) {
      String productId = removed.productId();
      contracts.remove(productId);
      lastFreshness.remove(productId);
      boolean published =
          publishedVersions.remove(productId) != null
              || catalog.publishedVersion(productId).isPresent();
      return published ? events.droppedDatasets(productId, now) : List.of();
    }
    if (command instanceof ConsumersDiscovered discovered) {
      List<MetadataRecord> out = new ArrayList<>();
      for (ConsumerGroup group : discovered.groups()) {
        List<String> topics = group.topicNames();
        if (!topics.equals(publishedConsumers.get(group.groupId()))) {
          publishedConsumers.put(group.groupId(), topics);
          out.add(events.consumerJob(group.groupId(), topics, now));
        }
      }
      return out;
    }
    return List.of();
  }

  private List<MetadataRecord> contractChanged(RegisteredContract contract, Instant now) {
    String productId = contract.productId();
    contracts.put(productId, contract);
    Instant registered = contract.registeredAt();
    knownSince.putIfAbsent(
        productId, registered == null || registered.equals(Instant.EPOCH) ? now : registered);
    freshnessDirty.add(productId);
    Optional<String> published =
        Optional.ofNullable(publishedVersions.get(productId))
            .or(() -> catalog.publishedVersion(productId));
    publishedVersions.put(productId, contract.version());
    if (published.isEmpty()) {
      return events.contractDatasets(contract, LineageEvents.Change.CREATE, now);
    }
    if (!published.get().equals(contract.version())) {
      return events.contractDatasets(contract, LineageEvents.Change.ALTER, now);
    }
    return List.of();
  }

  /** Freshness events for products whose freshness changed or is due for its periodic event. */
  private List<MetadataRecord> freshness() {
    Instant now = clock.instant();
    if (freshnessDirty.isEmpty() && now.isBefore(nextFreshnessCheck)) {
      return List.of();
    }
    nextFreshnessCheck = now.plus(settings.freshnessCheck());
    freshnessDirty.clear();
    List<MetadataRecord> out = new ArrayList<>();
    for (RegisteredContract contract : contracts.values()) {
      String productId = contract.productId();
      Freshness f =
          Freshness.evaluate(
              productId,
              newest(productId),
              contract.contract().serviceLevels().freshness(),
              knownSince.getOrDefault(productId, now),
              now);
      Instant publishedAt =
          freshnessPublishedAt.computeIfAbsent(
              productId, p -> catalog.freshnessPublishedAt(p).orElse(Instant.MIN));
      boolean due = !now.isBefore(publishedAt.plus(settings.freshnessInterval()));
      if (f.differsFrom(lastFreshness.get(productId)) || due) {
        out.add(events.freshness(f));
        lastFreshness.put(productId, f);
        freshnessPublishedAt.put(productId, now);
      }
    }
    return out;
  }

  private Optional<Instant> newest(String productId) {
    Instant known = newest.get(productId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Instant> restored = catalog.newestEventTime(productId);
    restored.ifPresent(t -> newest.put(productId, t));
    return restored;
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> list = records.records(tp);
      offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    return offsets;
  }

  private void openClients() {
    Map<String, Object> c = new HashMap<>(kafkaProperties);
    c.putAll(settings.consumer());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Never create the quality topics with broker defaults; pick them up once they exist.
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-input");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(
        List.of(settings.statsTopic(), settings.metricsTopic(), settings.alertsTopic()));
    Map<String, Object> p = new HashMap<>(kafkaProperties);
    p.putAll(settings.producer());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId());
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    producer.initTransactions();
  }

  private void closeClients(boolean abort) {
    if (producer != null) {
      if (abort) {
        try {
          producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
          LOG.debug("abort after failure: {}", e.toString());
        }
      }
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
      consumer = null;
    }
  }

  private static JsonNode read(byte[] value) {
    try {
      JsonNode node = JSON.readTree(value);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      LOG.debug("skipping an unreadable quality record: {}", e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
