package dev.datamesh.bench;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The cluster the benchmark runs on (its own in-process broker, or an external cluster) and helpers
 * to watch a consumer group's progress.
 */
final class BenchCluster {
  private final EmbeddedKafka broker;
  private final TestKafka kafka;
  private final Admin admin;

  private final boolean cpuByThread;
  private static final long POLL_MILLIS = 10;

  /**
   * @param broker the in-process broker to stop on {@link #close()}, or null for an external one
   */
  BenchCluster(EmbeddedKafka broker, TestKafka kafka, boolean cpuByThread) {
    this.broker = broker;
    this.cpuByThread = cpuByThread;
    this.kafka = kafka;
    this.admin = KafkaTestClients.admin(kafka);
  }

  TestKafka kafka() {
    return kafka;
  }

  Map<String, Object> clientProperties() {
    return kafka.clientProperties();
  }

  /** Records of {@code topic} that {@code group} has committed. */
  long committed(String group, String topic) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * Waits until {@code group} has committed {@code total} records of {@code topic}; returns the
   * throughput in records/s from its first commit to its last.
   */
  double awaitThroughput(String group, String topic, long total, Duration timeout)
      throws InterruptedException {
    return await(group, topic, total, timeout, null).recordsPerSecond();
  }

  /**
   * What processing {@code total} records of {@code topic} cost {@code group}, from its first
   * commit to its last: records/s, and CPU per record of the whole process and of the thread named
   * {@code worker} (the records committed in that window share both).
   */
  Throughput await(String group, String topic, long total, Duration timeout, String worker)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long firstAt = 0;
    long firstCount = 0;
    long firstProcessCpu = 0;
    long firstThreadCpu = 0;
    Map<String, Long> byThread = null;
    ProduceCounters produced = null;
    CpuClock.JvmWork jvmWork = null;
    while (System.nanoTime() < deadline) {
      long done = committed(group, topic);
      long now = System.nanoTime();
      if (done > 0 && firstAt == 0) {
        firstAt = now;
        firstCount = done;
        firstProcessCpu = CpuClock.process();
        firstThreadCpu = worker == null ? -1 : CpuClock.thread(worker);
        if (cpuByThread) {
          byThread = CpuClock.byThread();
          produced = ProduceCounters.now();
        }
        jvmWork = CpuClock.jvmWork();
      }
      if (done >= total) {
        long processCpu = CpuClock.process() - firstProcessCpu;
        long threadCpu = worker == null ? -1 : CpuClock.thread(worker) - firstThreadCpu;
        long records = done - firstCount;
        if (byThread != null) {
          CpuClock.printBusiest(group, byThread, jvmWork, records, processCpu);
          System.out.println(ProduceCounters.now().since(produced));
        }
        double seconds = (now - firstAt) / 1e9;
        long jitMillis = CpuClock.jvmWork().jitMillis() - jvmWork.jitMillis();
        return new Throughput(
            seconds <= 0 ? Double.NaN : records / seconds,
            records <= 0 ? Double.NaN : processCpu / 1e3 / records,
            records <= 0 || threadCpu < 0 ? Double.NaN : threadCpu / 1e3 / records,
            jitMillis);
      }
      // The window's ends are known to within one poll: at 50 ms a pipe round of 0.5 s (400 k
      // rec/s) moved by up to 20 %; a committed-offsets request costs the broker a fraction of a
      // millisecond, on both sides alike.
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(
        group + " did not finish " + total + " records of " + topic + " in " + timeout);
  }

  /**
   * One measured round: records/s, CPU microseconds per record (process, worker thread) and the
   * milliseconds the JIT compilers worked in the round (they share the two cores).
   */
  record Throughput(
      double recordsPerSecond, double processCpuMicros, double threadCpuMicros, long jitMillis) {}

  void close() {
    admin.close();
    if (broker != null) {
      broker.close();
    }
  }
}
