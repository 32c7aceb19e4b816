package dev.datamesh.quality.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagHistogramTest {

  @Test
  void percentilesStayWithinTheBucketAndNeverAboveTheMaximum() {
    LagHistogram histogram = new LagHistogram();
    for (int i = 1; i <= 100; i++) {
      histogram.add(i * 10L, 0); // 10 ms .. 1 s
    }
    assertThat(histogram.percentile(0.5)).isBetween(250L, 500L);
    assertThat(histogram.percentile(0.95)).isBetween(500L, 1_000L);
    assertThat(histogram.percentile(1.0)).isEqualTo(1_000L);
    assertThat(histogram.max).isEqualTo(1_000L);
  }

  @Test
  void p95WithinSlaIsExactOnTheOverSlaCount() {
    LagHistogram histogram = new LagHistogram();
    for (int i = 0; i < 19; i++) {
      histogram.add(100, 1_000);
    }
    histogram.add(5_000, 1_000);
    assertThat(histogram.p95Within()).isTrue(); // 1 of 20 over: the 19th value is the p95
    histogram.add(5_000, 1_000);
    assertThat(histogram.p95Within()).isFalse(); // 2 of 21 over
  }

  @Test
  void negativeLagCountsAsZeroAndAnEmptyHistogramPasses() {
    LagHistogram histogram = new LagHistogram();
    assertThat(histogram.p95Within()).isTrue();
    assertThat(histogram.percentile(0.95)).isZero();
    histogram.add(-500, 1_000);
    assertThat(histogram.max).isZero();
    assertThat(histogram.counts[0]).isEqualTo(1);
  }
}
