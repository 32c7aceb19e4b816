package dev.datamesh.bench;

import dev.datamesh.testing.KafkaTestClients;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where the time of one exactly-once hop goes at a low rate (no backlog): an instrumented
 * poll→send→commit pipe (commit after every poll, the shortest transaction there is) with the
 * gateway's producer settings, a producer sending 200 records/s, and two readers of the output
 * (read_committed and read_uncommitted) and one read_committed reader of the input. Each record's
 * time since it was sent is taken at every stage, and the pipe times the three parts of its commit
 * (records flushed, offsets added, transaction ended). What this shows is the floor under every EOS
 * processor on the broker, the gateway included.
 */
final class EosCycleRun {
  private static final String SEQ = "bench.seq";
  private static final int RATE = 200;
  private static final int WARM_UP = 200;

  private enum Stage {
    ACKED("raw record acknowledged to its producer"),
    INPUT_VISIBLE("raw record seen by an independent read_committed reader"),
    POLLED("raw record returned by the pipe's poll"),
    COMMITTED("the pipe's commitTransaction returned"),
    OUTPUT_UNCOMMITTED("output seen by a read_uncommitted reader"),
    OUTPUT_COMMITTED("output seen by a read_committed reader");

    final String meaning;

    Stage(String meaning) {
      this.meaning = meaning;
    }
  }

  private final Map<Integer, long[]> times = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, Object> kafka;
  private final String in;
  private final String out;
  private long transactions;
  private long flushNanos;
  private long offsetsNanos;
  private long endNanos;

  private EosCycleRun(Map<String, Object> kafka, String in, String out) {
    this.kafka = kafka;
    this.in = in;
    this.out = out;
  }

  /** The table rows: one per stage, then the commit's parts. */
  static List<String> run(BenchMain bench, int seconds) throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String in = "bench.cycle-in." + tag;
    String out = "bench.cycle-out." + tag;
    KafkaTestClients.createTopics(bench.cluster().kafka(), 6, in, out);
    EosCycleRun run = new EosCycleRun(bench.cluster().clientProperties(), in, out);
    return run.measure(seconds);
  }

  private List<String> measure(int seconds) throws Exception {
    List<Thread> threads =
        List.of(
            new Thread(this::pipe, "bench-cycle-pipe"),
            new Thread(() -> read(in, "read_committed", Stage.INPUT_VISIBLE), "bench-cycle-in"),
            new Thread(
                () -> read(out, "read_uncommitted", Stage.OUTPUT_UNCOMMITTED), "bench-cycle-ru"),
            new Thread(
                () -> read(out, "read_committed", Stage.OUTPUT_COMMITTED), "bench-cycle-rc"));
    threads.forEach(Thread::start);
    Thread.sleep(3_000); // group join, first fetches
    int total = WARM_UP + RATE * seconds;
    offer(total);
    Thread.sleep(3_000); // the last records through every stage
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
    List<String> rows = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
      times.forEach(
          (seq, t) -> {
            if (seq >= WARM_UP && t[stage.ordinal() + 1] != 0) {
              h.recordValue(Math.max(0, (t[stage.ordinal() + 1] - t[0]) / 1_000));
            }
          });
      rows.add(
          String.format(
              "| %s | %,d | %.1f | %.1f | %.1f |",
              stage.meaning,
              h.getTotalCount(),
              h.getValueAtPercentile(50) / 1e3,
              h.getValueAtPercentile(90) / 1e3,
              h.getValueAtPercentile(99) / 1e3));
    }
    long n = Math.max(1, transactions);
    rows.add(
        String.format(
            "| pipe transactions: %,d; mean ms per commit: flush records %.1f, send offsets %.1f,"
                + " end transaction %.1f | | | | |",
            transactions, flushNanos / 1e6 / n, offsetsNanos / 1e6 / n, endNanos / 1e6 / n));
    return rows;
  }

  private void mark(int seq, Stage stage) {
    times.computeIfAbsent(seq, s -> new long[Stage.values().length + 1])[stage.ordinal() + 1] =
        System.nanoTime();
  }

  private static int seq(Headers headers) {
    return ByteBuffer.wrap(headers.lastHeader(SEQ).value()).getInt();
  }

  private void offer(int total) throws InterruptedException {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        int seq = i;
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(in, ("k" + i).getBytes(), new byte[200]);
        record.headers().add(SEQ, ByteBuffer.allocate(4).putInt(i).array());
        times.computeIfAbsent(seq, s -> new long[Stage.values().length + 1])[0] = System.nanoTime();
        producer.send(record, (metadata, e) -> mark(seq, Stage.ACKED));
      }
    }
  }

  private void pipe() {
    String group = "bench-cycle-" + UUID.randomUUID();
    try (KafkaConsumer<byte[], byte[]> consumer = EosPipe.consumer(kafka, group);
        KafkaProducer<byte[], byte[]> producer = EosPipe.producer(kafka, group + "-tx")) {
      producer.initTransactions();
      consumer.subscribe(Set.of(in));
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) {
          transact(consumer, producer, records);
        }
      }
    }
  }

  private void transact(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      ConsumerRecords<byte[], byte[]> records) {
    List<Integer> seqs = new ArrayList<>();
    producer.beginTransaction();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
      for (ConsumerRecord<byte[], byte[]> r : part) {
        int seq = seq(r.headers());
        seqs.add(seq);
        mark(seq, Stage.POLLED);
        producer.send(
            new ProducerRecord<>(
                out, r.partition(), r.timestamp(), r.key(), r.value(), r.headers()));
      }
      offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
    }
    // the three parts of a commit, timed apart (commitTransaction alone would flush first)
    long t0 = System.nanoTime();
    producer.flush();
    long t1 = System.nanoTime();
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    long t2 = System.nanoTime();
    producer.commitTransaction();
    long t3 = System.nanoTime();
    flushNanos += t1 - t0;
    offsetsNanos += t2 - t1;
    endNanos += t3 - t2;
    transactions++;
    seqs.forEach(s -> mark(s, Stage.COMMITTED));
  }

  private void read(String topic, String isolation, Stage stage) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          mark(seq(r.headers()), stage);
        }
      }
    }
  }
}
