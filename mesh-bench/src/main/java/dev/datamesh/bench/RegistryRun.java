package dev.datamesh.bench;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Registry lookups by id and registration latency (the serde is {@link SerdeRun}, JMH). */
final class RegistryRun {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RegistryRun() {}

  static List<String> run(BenchMain bench, int rounds) throws Exception {
    List<String> rows = new ArrayList<>();
    String store = "_mesh.contracts.registry-bench";
    KafkaTestClients.createTopics(
        bench.cluster().kafka(),
        List.of(
            new NewTopic(store, 1, (short) 1)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    try (TestServices.RunningService registry =
        TestServices.start(
            bench.cluster().kafka(), "registry", Map.of("mesh.registry.store.topic", store))) {
      String url = registry.url();
      // registration latency: distinct schemas, each under its own subject, one at a time
      Histogram registration = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
      for (int i = 0; i < 300; i++) {
        long start = System.nanoTime();
        post(url + "/subjects/bench-reg-" + i + "-value/versions", schemaBody(i));
        if (i >= 50) { // the first ones warm up the path
          registration.recordValue(System.nanoTime() - start);
        }
      }
      rows.add(
          String.format(
              "| registry registration (new schema) p50 / p99 | %.1f ms | %.1f ms | | |",
              registration.getValueAtPercentile(50) / 1e6,
              registration.getValueAtPercentile(99) / 1e6));
      List<Double> lookups = new ArrayList<>();
      List<Double> trivial = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        double l = getsPerSecond(url + "/schemas/ids/", true, 20_000);
        double t = getsPerSecond(url + "/contexts", false, 20_000);
        if (round > 0) {
          lookups.add(l);
          trivial.add(t);
          ratios.add(l / t);
        }
      }
      rows.add(
          String.format(
              "| registry GET /schemas/ids/{id} ÷ GET /contexts (same server, 4 client threads) | %,.0f | %,.0f | %.2f | %.2f–%.2f |",
              BenchMain.median(trivial),
              BenchMain.median(lookups),
              BenchMain.median(ratios),
              ratios.stream().mapToDouble(d -> d).min().orElse(0),
              ratios.stream().mapToDouble(d -> d).max().orElse(0)));
    }
    return rows;
  }

  private static double getsPerSecond(String base, boolean byId, int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                  String uri = byId ? base + (1 + i % 250) : base;
                  HttpResponse<Void> r =
                      HTTP.send(
                          HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + r.statusCode());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  private static void post(String uri, String body) throws IOException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(uri))
                  .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(uri + ": " + r.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String schemaBody(int i) {
    return "{\"schema\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(schemaText(i))
        + "}";
  }

  private static String schemaText(int i) {
    StringBuilder fields = new StringBuilder();
    for (int f = 0; f < 10; f++) {
      fields
          .append(f == 0 ? "" : ",")
          .append("{\"name\":\"f")
          .append(f)
          .append("\",\"type\":\"string\"}");
    }
    return "{\"type\":\"record\",\"name\":\"Bench" + i + "\",\"fields\":[" + fields + "]}";
  }
}
