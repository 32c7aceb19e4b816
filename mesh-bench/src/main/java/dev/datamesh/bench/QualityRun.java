package dev.datamesh.bench;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryClientConfig;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.quality.streams.QualitySettings;
import dev.datamesh.quality.streams.QualityTopology;
import dev.datamesh.testing.KafkaTestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Quality streams with every check on ÷ a Kafka Streams pass-through, both exactly_once_v2 with the
 * same commit interval, over the same certified records.
 */
final class QualityRun {
  private QualityRun() {}

  /**
   * The quality row; with {@code splitGap}, also a pass-through that repartitions like the quality
   * service's first stage, and the rows comparing it with the pass-through and with the service.
   */
  static List<String> run(BenchMain bench, int records, int rounds, boolean splitGap)
      throws Exception {
    BenchContract contract = new BenchContract("quality-200", true, false);
    try (BenchMain.Product product = BenchMain.Product.register(bench, contract, 200);
        SchemaRegistryClient registry =
            SchemaRegistryClient.create(SchemaRegistryClientConfig.of(product.registry().url()))) {
      BenchRecords recs = product.records();
      try (KafkaProducer<byte[], byte[]> producer = product.producer()) {
        for (int i = 0; i < records; i++) {
          producer.send(
              new ProducerRecord<>(product.certified(), recs.key(i).getBytes(), recs.value(i)));
        }
        producer.flush();
      }
      String out = product.id() + ".passthrough";
      String repartitionedOut = product.id() + ".repartitioned";
      KafkaTestClients.createTopics(bench.cluster().kafka(), 6, out, repartitionedOut);
      List<Double> pass = new ArrayList<>();
      List<Double> repartitioned = new ArrayList<>();
      List<Double> quality = new ArrayList<>();
      long passJit = 0;
      long qualityJit = 0;
      for (int round = 0; round <= rounds; round++) {
        BenchCluster.Throughput p =
            measure(bench, passThrough(product.certified(), out), product.certified(), records);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        QualitySettings defaults = QualitySettings.defaults();
        QualitySettings settings =
            new QualitySettings(
                defaults.window(),
                defaults.grace(),
                defaults.dedupeRetention(),
                defaults.freshnessInterval(),
                Pattern.compile(Pattern.quote(product.certified())),
                Pattern.compile(Pattern.quote(product.id() + ".dlq")),
                "bench.stats." + tag,
                "bench.metrics." + tag,
                "bench.alerts." + tag,
                "bench.health." + tag,
                6,
                defaults.maxDeadLetterPercent());
        KafkaTestClients.createTopics(
            bench.cluster().kafka(),
            6,
            settings.statsTopic(),
            settings.metricsTopic(),
            settings.alertsTopic(),
            settings.healthTopic());
        Topology topology =
            QualityTopology.build(settings, ProductContracts.of(product.model()), registry);
        BenchCluster.Throughput q = measure(bench, topology, product.certified(), records);
        if (splitGap && round > 0) {
          repartitioned.add(
              measure(
                      bench,
                      repartitioningPassThrough(
                          product.certified(), repartitionedOut, product.id()),
                      product.certified(),
                      records)
                  .recordsPerSecond());
        }
        if (round > 0) {
          pass.add(p.recordsPerSecond());
          quality.add(q.recordsPerSecond());
          passJit = Math.max(passJit, p.jitMillis());
          qualityJit = Math.max(qualityJit, q.jitMillis());
        }
      }
      List<String> rows = new ArrayList<>();
      rows.add(
          ratioRow(
              String.format(
                  "quality streams (all checks) ÷ Streams pass-through, EOS v2 (JIT compiling in a"
                      + " measured round up to %,d / %,d ms)",
                  passJit, qualityJit),
              pass,
              quality));
      if (splitGap) {
        rows.add(
            ratioRow(
                "Streams pass-through that repartitions by product like quality's first stage ÷"
                    + " pass-through",
                pass,
                repartitioned));
        rows.add(
            ratioRow(
                "quality streams (all checks) ÷ the repartitioning pass-through",
                repartitioned,
                quality));
      }
      return rows;
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Same-round ratios of {@code mesh} to {@code baseline}, as a table row. */
  private static String ratioRow(String label, List<Double> baseline, List<Double> mesh) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < baseline.size(); i++) {
      ratios.add(mesh.get(i) / baseline.get(i));
    }
    return String.format(
        "| %s | %,.0f | %,.0f | %.2f | %.2f–%.2f |",
        label,
        BenchMain.median(baseline),
        BenchMain.median(mesh),
        BenchMain.median(ratios),
        ratios.stream().mapToDouble(d -> d).min().orElse(0),
        ratios.stream().mapToDouble(d -> d).max().orElse(0));
  }

  /**
   * The quality service's shape without its checks: every record re-keyed by product and sent
   * through a repartition topic as a small value (the first 64 bytes, about an observation's size),
   * then written out.
   */
  static Topology repartitioningPassThrough(String in, String out, String productId) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .map(
            (key, value) ->
                KeyValue.pair(productId, Arrays.copyOf(value, Math.min(64, value.length))))
        .repartition(
            Repartitioned.<String, byte[]>as("observations")
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.ByteArray())
                .withNumberOfPartitions(6))
        .to(out, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  private static Topology passThrough(String in, String out) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }

  private static BenchCluster.Throughput measure(
      BenchMain bench, Topology topology, String topic, int records) throws Exception {
    CpuClock.awaitJitQuiet();
    String appId = "bench-streams-" + UUID.randomUUID();
    Path state = Files.createTempDirectory("bench-streams");
    Properties props = new Properties();
    props.putAll(bench.cluster().clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // both sides with the quality service's settings (the pass-through has one input, where
    // max.task.idle.ms changes nothing; it gains from the larger batches as much as the service)
    props.putAll(QualityTopology.streamsSettings());
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      return bench.cluster().await(appId, topic, records, Duration.ofMinutes(5), null);
    } finally {
      deleteRecursively(state);
    }
  }
}
