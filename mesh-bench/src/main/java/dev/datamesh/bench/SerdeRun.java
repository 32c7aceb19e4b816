package dev.datamesh.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SerdeBenchmark} with JMH (one fork, short iterations: {@code rounds} measured
 * iterations of 2 s after 2 warm-up iterations) and turns its scores into ratio rows.
 */
final class SerdeRun {
  private SerdeRun() {}

  static List<String> run(int rounds) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(SerdeBenchmark.class.getName())
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(Math.max(3, rounds))
            .measurementTime(TimeValue.seconds(2))
            .threads(1)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    return List.of(
        row("serde encode, warm cache ÷ plain Avro encode", results, "plainEncode", "serdeEncode"),
        row("serde decode, warm cache ÷ plain Avro decode", results, "plainDecode", "serdeDecode"));
  }

  /** Ratio of medians; the range pairs the extremes (worst serde ÷ best plain, and vice versa). */
  private static String row(
      String label, Collection<RunResult> results, String baseline, String mesh) {
    List<Double> base = iterations(results, baseline);
    List<Double> ours = iterations(results, mesh);
    double baseMedian = BenchMain.median(base);
    double oursMedian = BenchMain.median(ours);
    double min = ours.stream().mapToDouble(d -> d).min().orElse(0);
    double max = ours.stream().mapToDouble(d -> d).max().orElse(0);
    double baseMin = base.stream().mapToDouble(d -> d).min().orElse(1);
    double baseMax = base.stream().mapToDouble(d -> d).max().orElse(1);
    return String.format(
        "| %s (JMH, 15-field 200 B record, 1 thread) | %,.0f rec/s | %,.0f rec/s | %.2f | %.2f–%.2f |",
        label,
        baseMedian * 1e6,
        oursMedian * 1e6,
        oursMedian / baseMedian,
        min / baseMax,
        max / baseMin);
  }

  /** The measured iteration scores (ops/µs) of one benchmark method. */
  private static List<Double> iterations(Collection<RunResult> results, String method) {
    List<Double> scores = new ArrayList<>();
    for (RunResult run : results) {
      if (run.getParams().getBenchmark().endsWith("." + method)) {
        for (BenchmarkResult b : run.getBenchmarkResults()) {
          for (IterationResult i : b.getIterationResults()) {
            scores.add(i.getPrimaryResult().getScore());
          }
        }
      }
    }
    return scores;
  }
}
