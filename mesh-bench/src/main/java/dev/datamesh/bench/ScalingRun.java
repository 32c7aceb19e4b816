package dev.datamesh.bench;

import dev.datamesh.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two gateway instances (one consumer group, distinct instance ids, so distinct transactional ids)
 * vs one, on the same pre-produced 6-partition raw topic. Both instances run in this JVM on the
 * same cores as the broker, so the ratio shows what the machine allows, not what two hosts would.
 */
final class ScalingRun {
  private ScalingRun() {}

  static String run(BenchMain bench, int records, int rounds) throws Exception {
    BenchContract contract = new BenchContract("scaling-200", true, false);
    try (BenchMain.Product product = BenchMain.Product.register(bench, contract, 200)) {
      product.produce(records);
      List<Double> one = new ArrayList<>();
      List<Double> two = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        double single = bench.runGateway(product);
        double pair = runTwo(bench, product, records);
        if (round > 0) {
          one.add(single);
          two.add(pair);
          ratios.add(pair / single);
        }
      }
      return String.format(
          "| 2 instances ÷ 1 (same JVM, same 2 cores as the broker) | %,.0f | %,.0f | %.2f | %.2f–%.2f |",
          BenchMain.median(one),
          BenchMain.median(two),
          BenchMain.median(ratios),
          ratios.stream().mapToDouble(d -> d).min().orElse(0),
          ratios.stream().mapToDouble(d -> d).max().orElse(0));
    }
  }

  private static double runTwo(BenchMain bench, BenchMain.Product product, int records)
      throws Exception {
    String group = "bench-gw2-" + UUID.randomUUID();
    try (TestServices.RunningService a = bench.startGateway(product, group, "bench-a");
        TestServices.RunningService b = bench.startGateway(product, group, "bench-b")) {
      return bench.cluster().awaitThroughput(group, product.raw(), records, Duration.ofMinutes(5));
    }
  }
}
