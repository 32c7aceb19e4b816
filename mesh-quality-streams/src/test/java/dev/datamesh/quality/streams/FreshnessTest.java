package dev.datamesh.quality.streams;

import static dev.datamesh.quality.streams.QualityDriver.T0;
import static dev.datamesh.quality.streams.ShopOrders.ORDERS;
import static dev.datamesh.quality.streams.ShopOrders.good;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import dev.datamesh.topics.QualityAlertEvent.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freshness is checked on the wall clock, so complete silence fires too (SLA: 5 minutes). */
class FreshnessTest {
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

  private void wait(Duration total) {
    for (long s = 0; s < total.toSeconds(); s += 10) {
      driver.advanceWallClock(Duration.ofSeconds(10));
    }
  }

  private List<QualityAlertEvent> freshness() {
    return driver.alerts().stream().filter(a -> a.check().equals("freshness")).toList();
  }

  @Test
  void productThatNeverProducedGoesStaleAfterItsFreshnessSla() {
    wait(Duration.ofSeconds(20));
    assertThat(driver.health())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.productId()).isEqualTo("shop.orders");
              assertThat(h.status()).isEqualTo(ProductHealthEvent.Status.HEALTHY);
            });
    wait(Duration.ofMinutes(4));
    assertThat(freshness()).isEmpty();

    wait(Duration.ofMinutes(2));
    List<QualityAlertEvent> alerts = freshness();
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo(Status.FIRING);
              assertThat(a.severity()).isEqualTo("error");
              assertThat(a.expected()).isEqualTo("age <= PT5M");
              assertThat(a.windowStart()).isNull();
            });
    assertThat(driver.health())
        .last()
        .extracting(ProductHealthEvent::status)
        .isEqualTo(ProductHealthEvent.Status.FAILING);
  }

  @Test
  void silenceAfterTrafficFiresOnceAndNewDataResolves() {
    driver.certified(ORDERS, good("a"), T0);
    wait(Duration.ofMinutes(10));
    assertThat(freshness()).extracting(QualityAlertEvent::status).containsExactly(Status.FIRING);

    driver.certified(ORDERS, good("b"), T0.plus(Duration.ofMinutes(10)));
    wait(Duration.ofSeconds(10));
    wait(Duration.ofSeconds(30));
    assertThat(freshness()).extracting(QualityAlertEvent::status).containsExactly(Status.RESOLVED);
  }

  @Test
  void gatewayStatsAloneKeepAProductFresh() {
    for (int minute = 1; minute <= 8; minute++) {
      Duration now = Duration.ofMinutes(minute);
      driver.stats(
          new GatewayStatsEvent(
              "shop.orders", "gw", T0, T0.plus(now), 1, 100, 0, null, T0.plus(now)),
          T0.plus(now));
      wait(Duration.ofMinutes(1));
    }
    assertThat(freshness()).isEmpty();
  }
}
