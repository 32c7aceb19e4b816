package dev.datamesh.quality.streams;

import static dev.datamesh.quality.streams.QualityDriver.T0;
import static dev.datamesh.quality.streams.ShopOrders.ORDERS;
import static dev.datamesh.quality.streams.ShopOrders.good;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.topics.QualityMetricsEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event-time windows: late records within the grace period count, later ones are dropped. */
class WindowingTest {
  @TempDir Path stateDir;
  private QualityDriver driver;

  @BeforeEach
  void start() {
    driver = new QualityDriver(stateDir, T0, ORDERS);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private List<QualityMetricsEvent> firstWindow() {
    return driver.metrics().stream().filter(m -> m.windowStart().equals(T0)).toList();
  }

  @Test
  void lateRecordWithinGraceCountsInItsWindow() {
    driver.certified(ORDERS, good("a"), at(10));
    driver.certified(ORDERS, good("b"), at(70)); // the next window; [0, 60) open until 90
    driver.certified(ORDERS, good("late"), at(20));
    driver.certified(ORDERS, good("c"), at(100));

    List<QualityMetricsEvent> first = firstWindow();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).records()).isEqualTo(2);
    assertThat(first.get(0).lateRecordsDropped()).isZero();
  }

  @Test
  void recordAfterTheGracePeriodIsDroppedAndCountedAsLate() {
    driver.certified(ORDERS, good("a"), at(10));
    driver.certified(ORDERS, good("b"), at(95)); // closes [0, 60)
    driver.certified(ORDERS, good("too-late"), at(30));
    driver.certified(ORDERS, good("c"), at(200)); // closes [60, 120)

    List<QualityMetricsEvent> metrics = driver.metrics();
    assertThat(metrics).extracting(QualityMetricsEvent::windowStart).containsExactly(T0, at(60));
    assertThat(metrics.get(0).records()).isEqualTo(1);
    assertThat(metrics.get(1).records()).isEqualTo(1);
    assertThat(metrics.get(1).lateRecordsDropped()).isEqualTo(1);
  }

  @Test
  void gatewayStatsAndAnnouncementsDoNotMoveEventTime() {
    driver.certified(ORDERS, good("a"), at(10));
    driver.stats(
        new dev.datamesh.topics.GatewayStatsEvent(
            "shop.orders", "gw", at(0), at(3600), 1, 10, 0, null, at(3600)),
        at(3600));
    driver.advanceWallClock(java.time.Duration.ofHours(1));
    driver.certified(ORDERS, good("b"), at(20));

    driver.certified(ORDERS, good("c"), at(95));
    assertThat(firstWindow())
        .singleElement()
        .extracting(QualityMetricsEvent::records)
        .isEqualTo(2L);
  }
}
