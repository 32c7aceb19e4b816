package dev.datamesh.registry.store;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContractLog} on a single-partition compacted topic.
 *
 * <p>A reader thread replays the topic from the beginning ({@code read_committed}) into a {@link
 * MemoryState} and keeps following it. A writer thread takes queued writes one by one. It writes
 * with a transactional producer whose {@code transactional.id} is shared by every instance: the
 * instance that last initialised it owns the log, and any other instance's transaction fails as
 * fenced. After (re)initialising, the writer catches up to the log's committed end before it
 * decides anything, so its decisions see every committed fact; if another instance took over in
 * between, its commit fails and it decides again. That makes ids and versions a function of the log
 * without a separately elected leader.
 *
 * <p>Started eagerly with the context ({@code @Context}): the HTTP server answers only after the
 * replay.
 */
@Context
final class KafkaContractLog implements ContractLog {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaContractLog.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final StoreConfig config;
  private final Map<String, Object> clientProperties;
  private final TopicPartition partition;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final MemoryState state = new MemoryState();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object progress = new Object();
  private final BlockingQueue<PendingWrite<?>> writes = new LinkedBlockingQueue<>();

  private volatile boolean running;
  private long position; // guarded by progress: the next offset the reader will apply
  private Admin admin;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer; // writer thread only
  private Thread reader;
  private Thread writer;

  /** A queued write and the future its caller waits on. */
  private record PendingWrite<T>(
      Function<RegistryState, Decision<T>> decider, CompletableFuture<T> future) {}

  KafkaContractLog(StoreConfig config, KafkaDefaultConfiguration kafka) {
    this.config = config;
    this.partition = new TopicPartition(config.topic(), 0);
    Map<String, Object> props = new HashMap<>();
    kafka.getConfig().forEach((k, v) -> props.put(String.valueOf(k), v));
    this.clientProperties = Map.copyOf(props);
  }

  @PostConstruct
  void start() {
    admin = Admin.create(new HashMap<>(clientProperties));
    ensureTopic();
    long end = committedEnd();
    consumer =
        new KafkaConsumer<>(
            consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    running = true;
    reader = daemon("mesh-registry-log-reader-" + instance, this::readLoop);
    reader.start();
    if (!awaitPosition(end, config.startupTimeout())) {
      close();
      throw new IllegalStateException(
          "replaying "
              + config.topic()
              + " up to offset "
              + end
              + " took longer than "
              + config.startupTimeout());
    }
    writer = daemon("mesh-registry-log-writer-" + instance, this::writeLoop);
    writer.start();
    LOG.info("registry log {} replayed up to offset {}", config.topic(), end);
  }

  @PreDestroy
  void close() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      join(writer);
    }
    PendingWrite<?> pending;
    while ((pending = writes.poll()) != null) {
      pending.future().completeExceptionally(new TimeoutException("the registry is shutting down"));
    }
    if (consumer != null) {
      consumer.wakeup();
    }
    if (reader != null) {
      join(reader);
    }
    discardProducer();
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public <T> T read(Function<RegistryState, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T> CompletableFuture<T> write(Function<RegistryState, Decision<T>> decider) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (!running) {
      future.completeExceptionally(new TimeoutException("the registry is not running"));
      return future;
    }
    writes.add(new PendingWrite<>(decider, future));
    return future;
  }

  // ---- start-up ---------------------------------------------------------------------------

  private void ensureTopic() {
    try {
      NewTopic topic =
          new NewTopic(config.topic(), 1, config.replicationFactor())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("created registry log topic {}", config.topic());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create the registry log topic " + config.topic(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + config.topic(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer while creating " + config.topic(), e);
    }
    TopicDescription description = describeTopic();
    if (description.partitions().size() != 1) {
      throw new IllegalStateException(
          "the registry log topic "
              + config.topic()
              + " must have exactly 1 partition (ids follow log order), it has "
              + description.partitions().size());
    }
  }

  private TopicDescription describeTopic() {
    // A topic just created can be unknown to the broker that answers for a moment (its metadata
    // lags the controller, seconds on a loaded machine): ask again until the admin timeout.
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (true) {
      try {
        return admin
            .describeTopics(List.of(config.topic()))
            .allTopicNames()
            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(config.topic());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while describing " + config.topic(), e);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "cannot describe the registry log topic " + config.topic(), e);
        }
        waitForMetadata();
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(
            "cannot describe the registry log topic " + config.topic(), e);
      }
    }
  }

  private static void waitForMetadata() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the registry log topic", e);
    }
  }

  /** The committed end of the log: the offset after the last record of a finished transaction. */
  private long committedEnd() {
    try {
      return admin
          .listOffsets(
              Map.of(partition, OffsetSpec.latest()),
              new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .partitionResult(partition)
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while reading the end of " + config.topic(), e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new KafkaException("cannot read the end of " + config.topic(), e);
    }
  }

  // ---- reader -----------------------------------------------------------------------------

  private void readLoop() {
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      while (running) {
        try {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
          if (!records.isEmpty()) {
            applyAll(records);
          }
          advance(consumer.position(partition));
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // Broker trouble: keep the replayed state and try again; reads go on meanwhile.
          LOG.warn("reading {} failed, retrying: {}", config.topic(), e.toString());
          pause();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("registry log reader woken up while running", e);
      }
    } catch (RuntimeException e) {
      LOG.error("registry log reader stopped; writes will time out until restart", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void applyAll(ConsumerRecords<byte[], byte[]> records) {
    lock.writeLock().lock();
    try {
      for (ConsumerRecord<byte[], byte[]> r : records) {
        try {
          Optional<Fact> fact = FactCodec.decode(r.key(), r.value());
          if (fact.isPresent()) {
            state.apply(fact.get());
            LOG.debug("applied {} at offset {}", fact.get().key(), r.offset());
          } else {
            LOG.debug("ignored record at offset {}", r.offset());
          }
        } catch (IllegalArgumentException e) {
          // Never stop on one bad record: the rest of the log is still the registry.
          LOG.warn(
              "skipping unreadable record at offset {} of {}: {}",
              r.offset(),
              config.topic(),
              e.getMessage());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void advance(long next) {
    synchronized (progress) {
      if (next > position) {
        position = next;
        progress.notifyAll();
      }
    }
  }

  private boolean awaitPosition(long target, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (position < target) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !running) {
          return false;
        }
        try {
          progress.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  // ---- writer -----------------------------------------------------------------------------

  private void writeLoop() {
    while (running) {
      PendingWrite<?> next;
      try {
        next = writes.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next != null) {
        process(next);
      }
    }
  }

  private <T> void process(PendingWrite<T> write) {
    long deadline = System.nanoTime() + config.writeTimeout().toNanos();
    int attempt = 0;
    while (running) {
      try {
        ensureProducer(deadline);
        Decision<T> decision;
        try {
          decision = read(write.decider());
        } catch (RuntimeException e) {
          write.future().completeExceptionally(e);
          return;
        }
        if (!decision.facts().isEmpty()) {
          long last = append(decision.facts());
          if (!awaitPosition(last + 1, remaining(deadline))) {
            throw new KafkaException("offset " + last + " was not applied in time");
          }
        }
        write.future().complete(decision.result());
        return;
      } catch (KafkaException e) {
        // Fenced by another instance, or the broker is unreachable: start over on a new producer,
        // deciding again on whatever the log holds by then.
        LOG.debug("registry log write attempt {} failed: {}", attempt, e.toString());
        discardProducer();
        if (System.nanoTime() >= deadline) {
          LOG.warn("registry log write timed out after {} attempts: {}", attempt + 1, e.toString());
          write
              .future()
              .completeExceptionally(
                  new TimeoutException("writing the registry log timed out: " + e.getMessage()));
          return;
        }
        if (!backoff(attempt++)) {
          break;
        }
      }
    }
    write.future().completeExceptionally(new TimeoutException("the registry is shutting down"));
  }

  private void ensureProducer(long deadline) {
    if (producer != null) {
      return;
    }
    KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    try {
      p.initTransactions();
    } catch (RuntimeException e) {
      p.close(Duration.ZERO);
      throw e instanceof KafkaException k ? k : new KafkaException(e);
    }
    producer = p;
    long end = committedEnd();
    if (!awaitPosition(end, remaining(deadline))) {
      throw new KafkaException("catching up to offset " + end + " timed out");
    }
  }

  private long append(List<Fact> facts) {
    producer.beginTransaction();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (Fact fact : facts) {
      sent.add(
          producer.send(
              new ProducerRecord<>(config.topic(), 0, FactCodec.key(fact), FactCodec.value(fact))));
    }
    producer.commitTransaction();
    long last = -1;
    for (Future<RecordMetadata> f : sent) {
      try {
        last = Math.max(last, f.get().offset());
      } catch (ExecutionException e) {
        throw new KafkaException("append failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted", e);
      }
    }
    return last;
  }

  private void discardProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.debug("closing a fenced producer failed: {}", e.toString());
      }
      producer = null;
    }
  }

  private boolean backoff(int attempt) {
    long bound = 50L << Math.min(attempt, 4);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, bound));
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  // ---- clients ----------------------------------------------------------------------------

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "mesh-registry-reader-" + instance);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  private Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "mesh-registry-writer-" + instance);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.effectiveTransactionalId());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    return props;
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void join(Thread t) {
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
