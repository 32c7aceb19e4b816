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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Raw→certified latency at a fixed offered rate, for the gateway and, as the baseline, for the EOS
 * pipe under the same transaction rule: record i is due at start + i/rate; its latency is measured
 * from that intended time (carried in a header both keep), so a stalled producer does not hide
 * queueing delay (coordinated omission).
 */
final class LatencyRun {
  private static final String DUE = "bench.due.nanos";

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
      // the first half of the offered time again, unmeasured: the path (and the JIT compiling a
      // service just started) settles at the rate before the measured records are offered
      int warmUp = total / 2;
      Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      Thread producerThread =
          new Thread(
              () -> produceAtRate(producer, in, records, rate, warmUp, total), "bench-offer");
      producerThread.start();
      int received = 0;
      long end = System.nanoTime() + Duration.ofSeconds(seconds * 3L / 2 + 60L).toNanos();
      while (received < total && System.nanoTime() < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          Header due = r.headers().lastHeader(DUE);
          if (due != null) {
            histogram.recordValue(
                Math.max(0, System.nanoTime() - ByteBuffer.wrap(due.value()).getLong()));
            received++;
          }
        }
      }
      producerThread.join();
      return String.format(
          "| %,d rec/s | %s | %,d | %.1f | %.1f | %.1f | %.1f |",
          rate,
          label,
          received,
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getValueAtPercentile(99.9) / 1e6,
          histogram.getMaxValue() / 1e6);
    }
  }

  private static void produceAtRate(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      BenchRecords records,
      int rate,
      int warmUp,
      int total) {
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    for (int i = 0; i < warmUp + total; i++) {
      long due = start + i * interval;
      // park, not spin: a spinning offer thread takes a whole core from the broker and the
      // gateway on a small machine; lateness still counts, as latency is taken from `due`
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              topic, records.key(i).getBytes(StandardCharsets.UTF_8), records.value(i));
      if (i >= warmUp) { // only measured records carry their due time
        record.headers().add(DUE, ByteBuffer.allocate(8).putLong(due).array());
      }
      producer.send(record);
    }
    producer.flush();
  }
}
