package dev.datamesh.gateway;

import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's read-process-write loop. One Kafka transaction holds the certified and dead-letter
 * records of the polls it took and their consumer offsets, so a crash anywhere loses and duplicates
 * nothing. A transaction takes polls for up to the commit interval while there is a backlog and
 * commits as soon as the consumer has caught up (see {@link GatewayConfig#commitWhenCaughtUp()}).
 * On any failure the transaction is aborted and the session (consumer and producers) is rebuilt,
 * which resumes from the last committed offsets.
 *
 * <p>Transactions are strictly one after another, but their producers take turns ({@link
 * GatewayConfig#producers()}): a transaction starts only once the previous one's commit has
 * returned (decided), so records and offsets stay in order — the group coordinator keeps the
 * offsets of the later commit even if the earlier one's markers land after it — while the new
 * transaction does not wait for the previous producer's commit markers to be written.
 *
 * <p>Threading: {@link #run()} on one dedicated thread; {@link #stop()} from any thread.
 */
final class CertificationLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CertificationLoop.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private static final int MAX_POLL_RECORDS = 2000;

  /** The producers' {@code batch.size}; {@code mesh.gateway.producer.batch.size} overrides it. */
  static final int BATCH_BYTES = 256 * 1024;

  private final GatewayConfig config;
  private final Map<String, Object> kafkaProperties;
  private final ProductRoutes routes;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final RecordRouter router;
  private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<KafkaConsumer<byte[], byte[]>> activeConsumer =
      new AtomicReference<>();
  private volatile boolean running = true;
  private volatile boolean healthy;
  // the routes records are certified with from now on; /health reports their versions, so a
  // contract change counts as enforced only once the loop has switched to it
  private volatile ProductRoutes.Snapshot applied = new ProductRoutes.Snapshot(Map.of(), -1);

  private KafkaProducer<byte[], byte[]> producer;
  private final AtomicLongArray commitsByProducer;
  private StatsWindow window = new StatsWindow();
  private Instant windowStart;

  CertificationLoop(
      GatewayConfig config,
      Map<String, Object> kafkaProperties,
      ProductRoutes routes,
      GatewayMetrics metrics,
      Clock clock) {
    this.config = config;
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.routes = routes;
    this.metrics = metrics;
    this.clock = clock;
    this.router = new RecordRouter(clock, topic -> partitionCounts.getOrDefault(topic, 0));
    this.commitsByProducer = new AtomicLongArray(config.producers());
  }

  /** Transactions producer {@code index} has committed since start (they take turns). */
  long commits(int index) {
    return commitsByProducer.get(index);
  }

  boolean isHealthy() {
    return healthy;
  }

  /**
   * The contract version each product's records are certified under from now on, by product id.
   * Lags the registry by up to one transaction: the loop switches routes between transactions.
   */
  Map<String, String> appliedVersions() {
    Map<String, String> versions = new HashMap<>();
    for (ProductRoute route : applied.byRawTopic().values()) {
      versions.put(route.productId(), route.contractVersion());
    }
    return versions;
  }

  @Override
  public void run() {
    Duration backoff = Duration.ofMillis(100);
    windowStart = clock.instant();
    try {
      while (running) {
        try {
          runSession();
          backoff = Duration.ofMillis(100);
        } catch (WakeupException e) {
          // stop() woke the consumer
        } catch (RuntimeException e) {
          healthy = false;
          if (running) {
            LOG.warn("gateway session failed, resuming from committed offsets: {}", e.toString());
            LOG.debug("session failure", e);
            sleep(backoff);
            backoff =
                backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                    ? MAX_BACKOFF
                    : backoff.multipliedBy(2);
          }
        }
      }
    } finally {
      healthy = false;
      stopped.countDown();
    }
  }

  /** Asks the loop to finish its current transaction and stop; waits up to {@code timeout}. */
  void stop(Duration timeout) {
    running = false;
    KafkaConsumer<byte[], byte[]> consumer = activeConsumer.get();
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runSession() {
    List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
      activeConsumer.set(consumer);
      for (int i = 0; i < config.producers(); i++) {
        producers.add(newProducer(i));
        producers.get(i).initTransactions();
      }
      producer = producers.get(0);
      healthy = true;
      long subscribedVersion = -1;
      int turn = 0;
      while (running) {
        ProductRoutes.Snapshot snapshot = routes.snapshot();
        if (snapshot.version() != subscribedVersion) {
          subscribe(consumer, snapshot);
          subscribedVersion = snapshot.version();
        }
        applied = snapshot;
        ConsumerRecords<byte[], byte[]> records =
            snapshot.rawTopics().isEmpty()
                ? ConsumerRecords.empty()
                : consumer.poll(config.pollTimeout());
        if (snapshot.rawTopics().isEmpty()) {
          sleep(config.pollTimeout());
        }
        boolean statsDue = !clock.instant().isBefore(windowStart.plus(config.statsInterval()));
        if (!records.isEmpty() || statsDue) {
          // Producers take turns: the one that committed last still has its markers in flight,
          // and the broker would hold this transaction's first send back until they are written.
          producer = producers.get(turn);
          transact(consumer, snapshot, records, statsDue);
          commitsByProducer.incrementAndGet(turn);
          turn = (turn + 1) % producers.size();
        }
      }
    } finally {
      activeConsumer.set(null);
      producer = null;
      for (KafkaProducer<byte[], byte[]> p : producers) {
        closeQuietly(p);
      }
    }
  }

  private static void closeQuietly(KafkaProducer<byte[], byte[]> producer) {
    try {
      producer.close(Duration.ofSeconds(5));
    } catch (KafkaException e) {
      LOG.debug("closing a producer failed (the session is rebuilt anyway)", e);
    }
  }

  private void subscribe(KafkaConsumer<byte[], byte[]> consumer, ProductRoutes.Snapshot snapshot) {
    for (ProductRoute route : snapshot.byRawTopic().values()) {
      partitionCounts.computeIfAbsent(
          route.certifiedTopic(), t -> producer.partitionsFor(t).size());
    }
    if (snapshot.rawTopics().isEmpty()) {
      consumer.unsubscribe();
    } else {
      consumer.subscribe(snapshot.rawTopics());
    }
    LOG.info(
        "gateway certifies {} product(s): {}", snapshot.rawTopics().size(), snapshot.rawTopics());
  }

  private void transact(
      KafkaConsumer<byte[], byte[]> consumer,
      ProductRoutes.Snapshot snapshot,
      ConsumerRecords<byte[], byte[]> first,
      boolean statsDue) {
    StatsWindow pending = new StatsWindow();
    List<Outcome> outcomes = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Instant now = clock.instant();
    long commitAt = System.nanoTime() + config.commitInterval().toNanos();
    producer.beginTransaction();
    try {
      if (statsDue) {
        publishStats(snapshot, now);
      }
      ConsumerRecords<byte[], byte[]> records = first;
      while (true) {
        process(snapshot, records, pending, outcomes, offsets);
        long left = commitAt - System.nanoTime();
        // While there is a backlog, keep filling this transaction until the commit interval is
        // over (one commit round trip per interval, not per poll). Once the consumer has caught
        // up, waiting longer only delays what is already read, so commit now.
        if (records.isEmpty()
            || left <= 0
            || !running
            || (config.commitWhenCaughtUp() && CaughtUp.check(consumer))) {
          break;
        }
        records = consumer.poll(Duration.ofNanos(left));
      }
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      }
      producer.commitTransaction();
    } catch (KafkaException | IllegalStateException | CertificationUnavailableException e) {
      metrics.transaction(false);
      abortQuietly();
      throw e;
    }
    metrics.transaction(true);
    if (statsDue) {
      window = new StatsWindow();
      windowStart = now;
    }
    window.merge(pending);
    recordMetrics(outcomes, clock.instant());
  }

  private void process(
      ProductRoutes.Snapshot snapshot,
      ConsumerRecords<byte[], byte[]> records,
      StatsWindow pending,
      List<Outcome> outcomes,
      Map<TopicPartition, OffsetAndMetadata> offsets) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      ProductRoute route = snapshot.byRawTopic().get(record.topic());
      if (route == null) {
        throw new IllegalStateException("no route for " + record.topic() + " (contract removed)");
      }
      Verdict verdict = decide(route, record);
      producer.send(router.route(route, record, verdict));
      outcomes.add(count(pending, route, record, verdict));
    }
    offsets.putAll(offsets(records));
  }

  private Verdict decide(ProductRoute route, ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return route.tombstonesAllowed()
          ? Verdict.unchanged(null)
          : Verdict.DeadLetter.of(
              GatewayErrorCode.TOMBSTONE_NOT_ALLOWED,
              "null value (tombstone) on a product whose certified topic is not compacted");
    }
    int size = record.value().length + (record.key() == null ? 0 : record.key().length);
    if (size > config.maxRecordBytes()) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.OVERSIZED,
          "record of " + size + " bytes exceeds the limit of " + config.maxRecordBytes());
    }
    try {
      return route.certifier().certify(record);
    } catch (CertificationUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error(
          "certifier of {} failed on {}-{}@{}; dead-lettered as INTERNAL_ERROR",
          route.productId(),
          record.topic(),
          record.partition(),
          record.offset(),
          e);
      return Verdict.DeadLetter.of(GatewayErrorCode.INTERNAL_ERROR, String.valueOf(e));
    }
  }

  private static Outcome count(
      StatsWindow pending, ProductRoute route, ConsumerRecord<byte[], byte[]> record, Verdict v) {
    if (v instanceof Verdict.Certify c) {
      int bytes = c.value() == null ? 0 : c.value().length;
      pending.certified(route.productId(), bytes, record.timestamp());
      return new Outcome(route.productId(), null, bytes, record.timestamp());
    }
    GatewayErrorCode code = ((Verdict.DeadLetter) v).code();
    pending.deadLettered(route.productId(), code);
    return new Outcome(route.productId(), code, 0, record.timestamp());
  }

  private void publishStats(ProductRoutes.Snapshot snapshot, Instant now) {
    List<String> products =
        snapshot.byRawTopic().values().stream().map(ProductRoute::productId).toList();
    for (GatewayStatsEvent event :
        window.events(new java.util.HashSet<>(products), config.instanceId(), windowStart, now)) {
      producer.send(
          new ProducerRecord<>(
              config.statsTopic(),
              event.productId().getBytes(StandardCharsets.UTF_8),
              MeshJson.write(event)));
    }
  }

  /** What one record became, kept until the commit so metrics count only committed work. */
  private record Outcome(String product, GatewayErrorCode code, int bytes, long timestamp) {}

  private void recordMetrics(List<Outcome> outcomes, Instant committedAt) {
    long now = committedAt.toEpochMilli();
    for (Outcome o : outcomes) {
      if (o.code() == null) {
        metrics.certified(o.product(), o.bytes(), now - o.timestamp());
      } else {
        metrics.deadLettered(o.product(), o.code());
      }
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(
      ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> partition = records.records(tp);
      offsets.put(tp, new OffsetAndMetadata(partition.get(partition.size() - 1).offset() + 1));
    }
    return offsets;
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      LOG.debug("abort failed (the session is rebuilt anyway)", e);
    }
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    return new KafkaConsumer<>(
        consumerProperties(config, kafkaProperties),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * The loop's consumer settings: {@code kafka} (bootstrap, security), the loop's own, then the
   * extra {@code mesh.gateway.consumer.*} ones ({@link GatewayConfig} rejects those that would
   * change exactly-once delivery).
   */
  static Map<String, Object> consumerProperties(GatewayConfig config, Map<String, Object> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-consumer");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    props.putAll(config.consumer());
    return props;
  }

  private KafkaProducer<byte[], byte[]> newProducer(int index) {
    return new KafkaProducer<>(
        producerProperties(config, kafkaProperties, index),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /**
   * The settings of producer {@code index}: {@code kafka}, the loop's own, then the extra {@code
   * mesh.gateway.producer.*} ones ({@link GatewayConfig} rejects those that would change
   * exactly-once delivery).
   */
  static Map<String, Object> producerProperties(
      GatewayConfig config, Map<String, Object> kafka, int index) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId(index));
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // A poll returns its records grouped by partition and the loop appends them more slowly than
    // the sender drains, so a produce request carries the one batch that just filled: the batch
    // size is the records per request. 64 KiB made ~150 certified records per request, and the
    // broker's and clients' cost per request showed per record (docs/BENCHMARKS.md).
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    props.put(
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId(index) + "-producer");
    // Certified and dead-letter records are the raw record plus headers; the registry gives those
    // topics 64 KiB more than raw, and the producer must be allowed to send them.
    props.put(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        Math.max(1024 * 1024, config.maxRecordBytes()) + 128 * 1024);
    props.putAll(config.producer());
    return props;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
