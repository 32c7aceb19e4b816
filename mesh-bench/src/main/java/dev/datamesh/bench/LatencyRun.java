package dev.datamesh.bench;

import dev.datamesh.testing.KafkaTestClients;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Raw→certified latency at a fixed offered rate: record i is due at start + i/rate; its latency is
 * measured from that intended time (carried in a header the gateway keeps), so a stalled producer
 * does not hide queueing delay (coordinated omission).
 */
final class LatencyRun {
  private static final String DUE = "bench.due.nanos";

  private LatencyRun() {}

  static String run(BenchMain bench, int rate, int seconds) throws Exception {
    BenchContract contract = new BenchContract("latency-" + rate, true, false);
    try (BenchMain.Product product = BenchMain.Product.register(bench, contract, 200);
        var gateway = bench.startGateway(product, "bench-latency-" + UUID.randomUUID());
        KafkaConsumer<byte[], byte[]> consumer =
            KafkaTestClients.consumer(
                bench.cluster().kafka(), "bench-latency-reader-" + UUID.randomUUID())) {
      consumer.subscribe(Set.of(product.certified()));
      BenchRecords records = product.records();
      // warm the path (and let the gateway subscribe) before measuring
      try (KafkaProducer<byte[], byte[]> producer = product.producer()) {
        producer.send(new ProducerRecord<>(product.raw(), records.value(0))).get();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the gateway certified nothing within 60 s");
        }
      }
      int total = rate * seconds;
      Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      Thread producerThread =
          new Thread(() -> produceAtRate(product, records, rate, total), "bench-offer");
      producerThread.start();
      int received = 0;
      long end = System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos();
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
          "| %,d rec/s | %,d | %.1f | %.1f | %.1f | %.1f |",
          rate,
          received,
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getValueAtPercentile(99.9) / 1e6,
          histogram.getMaxValue() / 1e6);
    }
  }

  private static void produceAtRate(
      BenchMain.Product product, BenchRecords records, int rate, int total) {
    try (KafkaProducer<byte[], byte[]> producer = product.producer()) {
      long start = System.nanoTime();
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(
                product.raw(), records.key(i).getBytes(StandardCharsets.UTF_8), records.value(i));
        record.headers().add(DUE, ByteBuffer.allocate(8).putLong(due).array());
        producer.send(record);
      }
      producer.flush();
    }
  }
}
