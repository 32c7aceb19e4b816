package dev.datamesh.bench;

import dev.datamesh.testing.KafkaTestClients;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Raw→certified latency at a fixed offered rate, for the gateway and, as the baseline, for the EOS
 * pipe under the same transaction rule: record i is due at start + i/rate; its latency is measured
 * from that intended time (carried in a header both keep), so a stalled producer does not hide
 * queueing delay (coordinated omission).
 */
final class LatencyRun {
  static final String DUE = "bench.due.nanos";

  private LatencyRun() {}

  /** One row for the pipe, one for the gateway. */
  static List<String> run(BenchMain bench, int rate, int seconds) throws Exception {
    BenchContract contract = new BenchContract("latency-" + rate, true, false);
    List<String> rows = new ArrayList<>();
    try (BenchMain.Product product = BenchMain.Product.register(bench, contract, 200)) {
      String pipeIn = product.id() + ".pipe-in";
      String pipeOut = product.id() + ".pipe-out";
      KafkaTestClients.createTopics(bench.cluster().kafka(), 6, pipeIn, pipeOut);
      String pipeGroup = "bench-latency-pipe-" + UUID.randomUUID();
      EosPipe pipe =
          new EosPipe(
              bench.cluster().clientProperties(), pipeIn, pipeOut, pipeGroup, bench.txRule());
      Thread thread = new Thread(pipe, "bench-latency-pipe");
      thread.start();
      try {
        rows.add(measure(bench, product, "EOS pipe", pipeIn, pipeOut, rate, seconds));
      } finally {
        pipe.stop();
        thread.join();
      }
      try (var gateway = bench.startGateway(product, "bench-latency-" + UUID.randomUUID())) {
        rows.add(
            measure(bench, product, "gateway", product.raw(), product.certified(), rate, seconds));
      }
    }
    return rows;
  }

  private static String measure(
      BenchMain bench,
      BenchMain.Product product,
      String label,
      String in,
      String out,
      int rate,
      int seconds)
      throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer =
            KafkaTestClients.consumer(
                bench.cluster().kafka(), "bench-latency-reader-" + UUID.randomUUID());
        KafkaProducer<byte[], byte[]> producer = product.producer()) {
      consumer.subscribe(Set.of(out));
      BenchRecords records = product.records();
      // warm the path (producer metadata, the groups' joins) before measuring
      producer.send(new ProducerRecord<>(in, records.value(0))).get();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(label + " passed nothing on within 60 s");
        }
      }
      int total = rate * seconds;
      Offer offer = new Offer(producer, in, records, rate, total);
      Thread producerThread = new Thread(offer, "bench-offer");
      producerThread.start();
      Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      WarmUp warmUp = new WarmUp(seconds);
      int received = 0;
      long end = Long.MAX_VALUE;
      CpuClock.JvmWork measuredFrom = null;
      while (received < total && System.nanoTime() < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          Header due = r.headers().lastHeader(DUE);
          if (due != null) {
            histogram.recordValue(
                Math.max(0, System.nanoTime() - ByteBuffer.wrap(due.value()).getLong()));
            received++;
          }
        }
        if (measuredFrom == null && warmUp.isOver()) {
          offer.measureFromNow();
          measuredFrom = CpuClock.jvmWork();
          end = System.nanoTime() + Duration.ofSeconds(seconds * 3L / 2 + 60L).toNanos();
        }
      }
      offer.stop();
      producerThread.join();
      long jitMillis = CpuClock.jvmWork().jitMillis() - measuredFrom.jitMillis();
      return String.format(
          "| %,d rec/s | %s | %,d | %.1f | %.1f | %.1f | %.1f | %.0f s / %,d ms |",
          rate,
          label,
          received,
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getValueAtPercentile(99.9) / 1e6,
          histogram.getMaxValue() / 1e6,
          warmUp.seconds(),
          jitMillis);
    }
  }

  /**
   * When the path has warmed at the offered rate: after half the measured time at least, once the
   * JIT compilers have worked under 10 % of a core for two seconds in a row (a service that has
   * just started is compiled while it runs, and on two cores that CPU comes out of the path being
   * measured), or after {@link #MAX_WARM_UP_SECONDS} at most. A long-running service is past this.
   */
  private static final class WarmUp {
    private final long started = System.nanoTime();
    private final long minNanos;
    private long checkedAt = started;
    private long jitAtCheck = CpuClock.jvmWork().jitMillis();
    private int quietSeconds;
    private long overAt;

    WarmUp(int measuredSeconds) {
      this.minNanos = TimeUnit.SECONDS.toNanos(Math.max(1, measuredSeconds / 2));
    }

    boolean isOver() {
      long now = System.nanoTime();
      if (now - checkedAt < 1_000_000_000L) {
        return false;
      }
      long jit = CpuClock.jvmWork().jitMillis();
      quietSeconds = (jit - jitAtCheck) * 1e6 < (now - checkedAt) * 0.10 ? quietSeconds + 1 : 0;
      checkedAt = now;
      jitAtCheck = jit;
      boolean over =
          (now - started >= minNanos && quietSeconds >= 2)
              || now - started >= TimeUnit.SECONDS.toNanos(MAX_WARM_UP_SECONDS);
      if (over) {
        overAt = now;
      }
      return over;
    }

    double seconds() {
      return (overAt - started) / 1e9;
    }
  }

  private static final int MAX_WARM_UP_SECONDS = 20;

  /**
   * Offers records at a fixed rate until {@code total} measured ones have been sent: record i is
   * due at start + i/rate. Records offered before {@link #measureFromNow()} warm the path and carry
   * no due time; the measured ones carry theirs.
   */
  static final class Offer implements Runnable {
    // Wakes at most once a millisecond and sends what has fallen due: parking per record (every
    // 100 µs at 10 k rec/s) cost the bench a quarter of a core that the path being measured
    // needs. A record sent up to a tick late counts that lateness, as latency runs from `due`.
    private static final long TICK_NANOS = 1_000_000L;
    // Records are encoded before offering starts (a ring, reused): encoding while offering is
    // more CPU taken from the path being measured.
    private static final int RING = 20_000;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int rate;
    private final int total;
    private final byte[][] keys;
    private final byte[][] values;
    private volatile boolean measureRequested;
    private volatile boolean stopped;

    Offer(
        Producer<byte[], byte[]> producer,
        String topic,
        BenchRecords records,
        int rate,
        int total) {
      this.producer = producer;
      this.topic = topic;
      this.rate = rate;
      this.total = total;
      int ring = Math.min(RING, total);
      this.keys = new byte[ring][];
      this.values = new byte[ring][];
      for (int i = 0; i < ring; i++) {
        keys[i] = records.key(i).getBytes(StandardCharsets.UTF_8);
        values[i] = records.value(i);
      }
    }

    /** The records offered from now on are the measured ones. */
    void measureFromNow() {
      measureRequested = true;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      long start = System.nanoTime();
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      long measureFrom = Long.MAX_VALUE; // decided here, so exactly `total` records carry a due
      for (long i = 0;
          !stopped && (measureFrom == Long.MAX_VALUE || i < measureFrom + total);
          i++) {
        if (measureFrom == Long.MAX_VALUE && measureRequested) {
          measureFrom = i;
        }
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(Math.max(wait, TICK_NANOS));
        }
        int n = (int) (i % keys.length);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keys[n], values[n]);
        if (i >= measureFrom) { // only measured records carry their due time
          record.headers().add(DUE, ByteBuffer.allocate(8).putLong(due).array());
        }
        producer.send(record);
      }
      producer.flush();
    }
  }
}
