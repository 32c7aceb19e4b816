package dev.datamesh.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mesh bench}: measures the gateway against a plain exactly-once pipe on the same
 * in-process broker in the same run, and raw→certified latency at fixed offered rates. Prints a
 * Markdown table and writes it to {@code --out}.
 */
@Command(
    name = "mesh bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks of the mesh's hot paths as ratios against plain Kafka baselines measured on the"
          + " same in-process broker in the same run: gateway ÷ an exactly-once poll→send pipe,"
          + " two gateways ÷ one, quality streams ÷ a Streams pass-through, registry lookups and"
          + " registration, the serde ÷ plain Avro (JMH), and raw→certified latency (gateway and"
          + " pipe) at fixed offered rates.",
      "Prints the tables and writes them to --out."
    })
public final class BenchMain implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String STATS_TOPIC = "bench.gateway.stats";
  private static final String PIPE_THREAD = "bench-pipe";
  private static final String EXTERNAL_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
  // the gateway's certification loop runs on one thread of this name (CertificationLoop)
  private static final String GATEWAY_THREAD = "mesh-gateway-loop";

  @Option(
      names = "--records",
      defaultValue = "200000",
      description =
          "Records per throughput round (gateway, scaling, quality). Default: ${DEFAULT-VALUE}.")
  int records;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Measured rounds after one warm-up (JMH: measured iterations). Default:"
              + " ${DEFAULT-VALUE}.")
  int rounds;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "200,1024",
      description = "Record sizes in bytes. Default: ${DEFAULT-VALUE}.")
  List<Integer> sizes;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,10000,50000",
      description = "Offered rates for latency (rec/s). Default: ${DEFAULT-VALUE}.")
  List<Integer> rates;

  @Option(
      names = "--latency-seconds",
      defaultValue = "10",
      description = "Seconds offered per latency rate and path. Default: ${DEFAULT-VALUE}.")
  int latencySeconds;

  @Option(
      names = "--gateway",
      paramLabel = "<key=value>",
      description =
          "Extra gateway setting for every gateway the bench starts, e.g."
              + " --gateway mesh.gateway.commit-interval=50ms (repeatable).")
  Map<String, String> gatewayProps = new HashMap<>();

  @Option(
      names = "--broker",
      paramLabel = "<key=value>",
      description =
          "Extra setting of the in-process broker, e.g. --broker"
              + " add.partitions.to.txn.retry.backoff.ms=20 (repeatable). With"
              + " KAFKA_BOOTSTRAP_SERVERS set the bench uses that cluster instead (for example a"
              + " ./mesh kafka in another JVM).")
  Map<String, String> brokerProps = new HashMap<>();

  @Option(
      names = "--cpu-by-thread",
      description =
          "After each gateway and pipe round, print the CPU per record of the busiest threads"
              + " (where the time goes; GC and JIT threads are not Java threads and show only in"
              + " the process total).")
  boolean cpuByThread;

  @Option(
      names = "--pipe-headers",
      description =
          "In the gateway part, also run the EOS pipe with headers shaped like the gateway's four"
              + " on every copy, and print a table that splits the gap: what the headers alone"
              + " cost, and the gateway against that pipe.")
  boolean pipeHeaders;

  @Option(
      names = "--streams-repartition",
      description =
          "In the quality part, also run a Streams pass-through that re-keys every record by"
              + " product and repartitions a small value, as the quality service's first stage"
              + " does, and print rows that split the gap: the two-stage shape against the"
              + " checks themselves.")
  boolean streamsRepartition;

  @Option(
      names = "--out",
      defaultValue = "target/bench-results.md",
      description = "Where to write the results table.")
  Path out;

  @Option(
      names = "--only",
      split = ",",
      description =
          "Run only these parts: gateway, scaling, quality, registry, serde, eos-cycle,"
              + " latency."
              + " Default: all.")
  List<String> only;

  private BenchCluster cluster;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  /**
   * The in-process broker with the {@code --broker} settings, or the cluster {@code
   * KAFKA_BOOTSTRAP_SERVERS} names (e.g. a {@code ./mesh kafka} in another JVM, so that its JIT and
   * GC stay out of the bench's process).
   */
  BenchCluster startCluster(String external) {
    if (external != null && !external.isBlank()) {
      if (!brokerProps.isEmpty()) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--broker sets the in-process broker; unset " + EXTERNAL_BOOTSTRAP);
      }
      System.out.println(
          "Using the external cluster at " + external + " (" + EXTERNAL_BOOTSTRAP + ")");
      return new BenchCluster(null, TestKafka.external(external), cpuByThread);
    }
    EmbeddedKafkaConfig config = EmbeddedKafkaConfig.ephemeral();
    for (Map.Entry<String, String> setting : brokerProps.entrySet()) {
      config = config.withBrokerProperty(setting.getKey(), setting.getValue());
    }
    EmbeddedKafka broker = EmbeddedKafka.start(config);
    return new BenchCluster(broker, TestKafka.external(broker.bootstrapServers()), cpuByThread);
  }

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    // the serde part (JMH) is in-process only: no broker for it alone
    if (!(only != null && only.size() == 1 && only.contains("serde"))) {
      cluster = startCluster(System.getenv(EXTERNAL_BOOTSTRAP));
      // created up front: a missing topic would stall the gateway's first stats send on metadata
      KafkaTestClients.createTopics(cluster.kafka(), 1, STATS_TOPIC);
    }
    List<String> lines = new ArrayList<>();
    try {
      if (wants("gateway")) {
        lines.add(
            "| record | rules | PII | EOS pipe rec/s (median) | gateway rec/s (median) | ratio median | ratio min–max | process CPU µs/record, pipe / gateway | worker thread CPU µs/record, pipe / gateway | CPU ratio (pipe ÷ gateway) | JIT compiling in a measured round (max ms), pipe / gateway |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> attribution = new ArrayList<>();
        for (int size : sizes) {
          for (BenchContract variant : variants(size)) {
            print(lines, throughput(variant, size, attribution));
          }
        }
        lines.add("");
        if (pipeHeaders) {
          lines.add(
              "| record | rules | PII | EOS pipe rec/s | EOS pipe + mesh headers rec/s | gateway"
                  + " rec/s | headers pipe ÷ pipe | gateway ÷ headers pipe | process CPU"
                  + " µs/record, pipe / headers pipe / gateway |");
          lines.add("|---|---|---|---|---|---|---|---|---|");
          attribution.forEach(row -> print(lines, row));
          lines.add("");
        }
      }
      if (wants("scaling")) {
        lines.add(
            "| gateways on a 6-partition topic (200 B, 5 rules) | one gateway rec/s (median) | two gateways rec/s (median) | ratio median | ratio min–max |");
        lines.add("|---|---|---|---|---|");
        print(lines, ScalingRun.run(this, records, rounds));
        lines.add("");
      }
      if (wants("quality") || wants("registry") || wants("serde")) {
        lines.add("| other hot paths | baseline | mesh | ratio median | ratio min–max |");
        lines.add("|---|---|---|---|---|");
        if (wants("quality")) {
          for (String row : QualityRun.run(this, records, rounds, streamsRepartition)) {
            print(lines, row);
          }
        }
        if (wants("registry")) {
          for (String row : RegistryRun.run(this, rounds)) {
            print(lines, row);
          }
        }
        if (wants("serde")) {
          for (String row : SerdeRun.run(rounds)) {
            print(lines, row);
          }
        }
        lines.add("");
      }
      if (wants("eos-cycle")) {
        lines.add(
            "| one exactly-once hop at 200 rec/s (instrumented pipe, commit per poll): time since"
                + " the raw send until … | records | p50 ms | p90 ms | p99 ms |");
        lines.add("|---|---|---|---|---|");
        for (String row : EosCycleRun.run(this, latencySeconds)) {
          print(lines, row);
        }
        lines.add("");
      }
      if (wants("latency")) {
        lines.add(
            "| offered rate | raw→certified via | records | p50 ms | p99 ms | p99.9 ms | max ms |"
                + " warm-up at the rate / JIT compiling while measured |");
        lines.add("|---|---|---|---|---|---|---|---|");
        for (int rate : rates) {
          for (String row : LatencyRun.run(this, rate, latencySeconds)) {
            print(lines, row);
          }
        }
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    String header =
        "Run "
            + started
            + ", "
            + records
            + " records/round, "
            + rounds
            + " rounds after 1 warm-up, "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version");
    String table = header + "\n\n" + String.join("\n", lines) + "\n";
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
    System.out.println();
    System.out.println(table);
    System.out.println("written to " + out.toAbsolutePath());
    return 0;
  }

  private boolean wants(String part) {
    return only == null || only.isEmpty() || only.contains(part);
  }

  private static void print(List<String> lines, String row) {
    lines.add(row);
    System.out.println(row);
  }

  private static List<BenchContract> variants(int size) {
    return List.of(
        new BenchContract("plain-" + size, false, false),
        new BenchContract("rules-" + size, true, false),
        new BenchContract("pii-" + size, true, true));
  }

  private String throughput(BenchContract variant, int size, List<String> attribution)
      throws Exception {
    try (Product product = Product.register(this, variant, size)) {
      product.produce(records);
      String pipeOut = product.id() + ".pipe";
      KafkaTestClients.createTopics(cluster.kafka(), 6, pipeOut);
      runPipe(product.raw(), pipeOut); // warms up broker, page cache and JIT
      measureGateway(product);
      String headersOut = product.id() + ".pipe-headers";
      EosPipe.MeshLikeHeaders meshLike = null;
      if (pipeHeaders) {
        KafkaTestClients.createTopics(cluster.kafka(), 6, headersOut);
        meshLike =
            new EosPipe.MeshLikeHeaders(
                product.model().contractId(), product.model().version().toString());
      }
      List<BenchCluster.Throughput> pipe = new ArrayList<>();
      List<BenchCluster.Throughput> withHeaders = new ArrayList<>();
      List<BenchCluster.Throughput> gateway = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        pipe.add(runPipe(product.raw(), pipeOut));
        if (meshLike != null) {
          withHeaders.add(runPipe(product.raw(), headersOut, meshLike));
        }
        gateway.add(measureGateway(product));
      }
      if (meshLike != null) {
        attribution.add(attributionRow(variant, size, pipe, withHeaders, gateway));
      }
      List<Double> ratios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int i = 0; i < pipe.size(); i++) {
        ratios.add(gateway.get(i).recordsPerSecond() / pipe.get(i).recordsPerSecond());
        cpuRatios.add(pipe.get(i).processCpuMicros() / gateway.get(i).processCpuMicros());
      }
      return String.format(
          "| %d B | %s | %s | %,.0f | %,.0f | %.2f | %.2f–%.2f | %.1f / %.1f | %.1f / %.1f | %.2f"
              + " | %d / %d |",
          size,
          variant.rules() ? "5" : "0",
          variant.pii() ? "hash" : "none",
          median(map(pipe, BenchCluster.Throughput::recordsPerSecond)),
          median(map(gateway, BenchCluster.Throughput::recordsPerSecond)),
          median(ratios),
          ratios.stream().mapToDouble(d -> d).min().orElse(0),
          ratios.stream().mapToDouble(d -> d).max().orElse(0),
          median(map(pipe, BenchCluster.Throughput::processCpuMicros)),
          median(map(gateway, BenchCluster.Throughput::processCpuMicros)),
          median(map(pipe, BenchCluster.Throughput::threadCpuMicros)),
          median(map(gateway, BenchCluster.Throughput::threadCpuMicros)),
          median(cpuRatios),
          pipe.stream().mapToLong(BenchCluster.Throughput::jitMillis).max().orElse(0),
          gateway.stream().mapToLong(BenchCluster.Throughput::jitMillis).max().orElse(0));
    }
  }

  private static String attributionRow(
      BenchContract variant,
      int size,
      List<BenchCluster.Throughput> pipe,
      List<BenchCluster.Throughput> withHeaders,
      List<BenchCluster.Throughput> gateway) {
    List<Double> headersCost = new ArrayList<>();
    List<Double> gatewayWork = new ArrayList<>();
    for (int i = 0; i < pipe.size(); i++) {
      headersCost.add(withHeaders.get(i).recordsPerSecond() / pipe.get(i).recordsPerSecond());
      gatewayWork.add(gateway.get(i).recordsPerSecond() / withHeaders.get(i).recordsPerSecond());
    }
    return String.format(
        "| %d B | %s | %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.1f / %.1f / %.1f |",
        size,
        variant.rules() ? "5" : "0",
        variant.pii() ? "hash" : "none",
        median(map(pipe, BenchCluster.Throughput::recordsPerSecond)),
        median(map(withHeaders, BenchCluster.Throughput::recordsPerSecond)),
        median(map(gateway, BenchCluster.Throughput::recordsPerSecond)),
        median(headersCost),
        median(gatewayWork),
        median(map(pipe, BenchCluster.Throughput::processCpuMicros)),
        median(map(withHeaders, BenchCluster.Throughput::processCpuMicros)),
        median(map(gateway, BenchCluster.Throughput::processCpuMicros)));
  }

  private static List<Double> map(
      List<BenchCluster.Throughput> rounds,
      java.util.function.ToDoubleFunction<BenchCluster.Throughput> f) {
    return rounds.stream().map(t -> f.applyAsDouble(t)).toList();
  }

  private BenchCluster.Throughput runPipe(String raw, String pipeOut) throws Exception {
    return runPipe(raw, pipeOut, null);
  }

  private BenchCluster.Throughput runPipe(
      String raw, String pipeOut, EosPipe.MeshLikeHeaders headers) throws Exception {
    CpuClock.awaitJitQuiet();
    String group = "bench-pipe-" + UUID.randomUUID();
    EosPipe pipe = new EosPipe(cluster.clientProperties(), raw, pipeOut, group, txRule(), headers);
    Thread thread = new Thread(pipe, PIPE_THREAD);
    thread.start();
    try {
      return cluster.await(group, raw, records, Duration.ofMinutes(5), PIPE_THREAD);
    } finally {
      pipe.stop();
      thread.join();
    }
  }

  double runGateway(Product product) throws Exception {
    return measureGateway(product).recordsPerSecond();
  }

  private BenchCluster.Throughput measureGateway(Product product) throws Exception {
    CpuClock.awaitJitQuiet();
    String group = "bench-gw-" + UUID.randomUUID();
    try (TestServices.RunningService gw = startGateway(product, group)) {
      return cluster.await(group, product.raw(), records, Duration.ofMinutes(5), GATEWAY_THREAD);
    }
  }

  TestServices.RunningService startGateway(Product product, String group) {
    return startGateway(product, group, "bench");
  }

  TestServices.RunningService startGateway(Product product, String group, String instanceId) {
    Map<String, Object> props = new HashMap<>();
    props.put("mesh.gateway.registry.url", product.registry().url());
    props.put("mesh.gateway.registry.refresh", "1s");
    props.put("mesh.gateway.group-id", group);
    props.put("mesh.gateway.instance-id", instanceId);
    props.put("mesh.gateway.stats-topic", STATS_TOPIC);
    props.put("mesh.gateway.masking.hash-key", Base64.getEncoder().encodeToString(new byte[32]));
    props.putAll(gatewayProps);
    return TestServices.start(cluster.kafka(), "gateway", props);
  }

  /** The gateway's transaction rule as this run configures it; the pipes follow it. */
  TxRule txRule() {
    String interval = gatewayProps.getOrDefault("mesh.gateway.commit-interval", "100ms");
    Matcher m = Pattern.compile("(\\d+)(ms|s)").matcher(interval);
    if (!m.matches()) {
      throw new IllegalArgumentException("commit-interval as <n>ms or <n>s: " + interval);
    }
    long n = Long.parseLong(m.group(1));
    return new TxRule(
        m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n),
        !"false".equals(gatewayProps.get("mesh.gateway.commit-when-caught-up")));
  }

  /** When a transaction of the gateway (and of the pipes) commits. */
  record TxRule(Duration commitInterval, boolean commitWhenCaughtUp) {}

  BenchCluster cluster() {
    return cluster;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  /** A registered benchmark product with its own registry (so a gateway sees only it). */
  record Product(
      BenchContract contract,
      TestServices.RunningService registry,
      DataContract model,
      int schemaId,
      int size)
      implements AutoCloseable {

    static Product register(BenchMain bench, BenchContract contract, int size) throws Exception {
      String store = "_mesh.contracts." + contract.productName();
      // made here and awaited: the registry describes its log right after creating it, which a
      // loaded broker may not answer yet (UnknownTopicOrPartition at start-up)
      KafkaTestClients.createTopics(
          bench.cluster.kafka(),
          List.of(
              new NewTopic(store, 1, (short) 1)
                  .configs(
                      Map.of(
                          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
      TestServices.RunningService registry =
          TestServices.start(
              bench.cluster.kafka(), "registry", Map.of("mesh.registry.store.topic", store));
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(registry.url() + "/contracts"))
                  .header("Content-Type", "application/yaml")
                  .POST(HttpRequest.BodyPublishers.ofString(contract.yaml()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        registry.close();
        throw new IllegalStateException("registering " + contract.productId() + ": " + r.body());
      }
      JsonNode body = JSON.readTree(r.body());
      ContractLoadResult loaded = ContractLoader.create().load(body.path("document").toString());
      return new Product(
          contract, registry, loaded.contract().orElseThrow(), body.path("schemaId").asInt(), size);
    }

    String id() {
      return contract.productId();
    }

    String raw() {
      return id() + ".raw";
    }

    String certified() {
      return id() + ".certified";
    }

    BenchRecords records() {
      return new BenchRecords(model.valueSchema(), schemaId, size);
    }

    void produce(int count) throws Exception {
      BenchRecords recs = records();
      try (KafkaProducer<byte[], byte[]> producer = producer()) {
        for (int i = 0; i < count; i++) {
          producer.send(
              new ProducerRecord<>(
                  raw(), recs.key(i).getBytes(StandardCharsets.UTF_8), recs.value(i)));
        }
        producer.flush();
      }
    }

    KafkaProducer<byte[], byte[]> producer() {
      Map<String, Object> props = new HashMap<>();
      props.put(
          "bootstrap.servers",
          registry.context().getProperty("kafka.bootstrap.servers", String.class).orElseThrow());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      props.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
      return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
      registry.close();
    }
  }
}
