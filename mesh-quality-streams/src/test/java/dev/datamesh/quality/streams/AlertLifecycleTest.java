package dev.datamesh.quality.streams;

import static dev.datamesh.quality.streams.QualityDriver.T0;
import static dev.datamesh.quality.streams.ShopOrders.INVOICES;
import static dev.datamesh.quality.streams.ShopOrders.ORDERS;
import static dev.datamesh.quality.streams.ShopOrders.good;
import static dev.datamesh.quality.streams.ShopOrders.invoice;
import static dev.datamesh.quality.streams.ShopOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import dev.datamesh.topics.QualityAlertEvent.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIRING once, RESOLVED once, no repeats; health; inhibition. (Restarts are tested on a real broker
 * in {@code QualityServiceIT}: the test driver deletes its state directory on close.)
 */
class AlertLifecycleTest {
  private static final String EMAIL_CHECK = "completeness/emailPresent";

  @TempDir Path stateDir;
  private int next;

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A window starting at {@code second} with 5 records, {@code nulls} of them without e-mail. */
  private void window(QualityDriver driver, long second, int nulls) {
    for (int i = 0; i < 5; i++) {
      String id = "o-" + next++;
      driver.certified(ORDERS, order(id, i < nulls ? null : "x@y.z", "NEW"), at(second + i));
    }
  }

  private static List<QualityAlertEvent> only(List<QualityAlertEvent> alerts, String check) {
    return alerts.stream().filter(a -> a.check().equals(check)).toList();
  }

  @Test
  void exactlyOneFiringAndOneResolvedPerEpisode() {
    try (QualityDriver driver = new QualityDriver(stateDir, T0, ORDERS)) {
      window(driver, 0, 2);
      window(driver, 60, 3);
      window(driver, 120, 2);
      window(driver, 180, 0);
      window(driver, 240, 0);
      window(driver, 300, 4); // a second episode
      window(driver, 400, 0);

      List<KeyValue<String, QualityAlertEvent>> records = driver.alertRecords();
      List<KeyValue<String, QualityAlertEvent>> email =
          records.stream().filter(kv -> kv.value.check().equals(EMAIL_CHECK)).toList();
      assertThat(email)
          .extracting(kv -> kv.value.status())
          .containsExactly(Status.FIRING, Status.RESOLVED, Status.FIRING);
      assertThat(email)
          .allSatisfy(kv -> assertThat(kv.key).isEqualTo("shop.orders/" + EMAIL_CHECK));
      QualityAlertEvent firing = email.get(0).value;
      QualityAlertEvent resolved = email.get(1).value;
      assertThat(firing.fingerprint()).isEqualTo(email.get(0).key);
      assertThat(firing.productId()).isEqualTo("shop.orders");
      assertThat(firing.contractVersion()).isEqualTo("1.2.0");
      assertThat(firing.owner()).isEqualTo("shop-team");
      assertThat(firing.supportChannel()).isEqualTo("#shop-data");
      assertThat(firing.supportUrl()).isEqualTo("https://chat.example/shop-data");
      assertThat(firing.inhibitedBy()).isEmpty();
      assertThat(firing.summary()).contains("shop.orders", EMAIL_CHECK, "fails");
      assertThat(resolved.firstSeen()).isEqualTo(firing.firstSeen());
      assertThat(resolved.windowStart()).isEqualTo(at(180));
    }
  }

  @Test
  void healthFollowsTheOpenAlerts() {
    try (QualityDriver driver = new QualityDriver(stateDir, T0, ORDERS)) {
      window(driver, 0, 2);
      window(driver, 60, 0);
      window(driver, 120, 0);
      window(driver, 180, 0);
      List<ProductHealthEvent> health = driver.health();
      // first known (healthy), e-mail rule of severity error fires, then resolves
      assertThat(health)
          .extracting(ProductHealthEvent::status)
          .containsExactly(
              ProductHealthEvent.Status.HEALTHY,
              ProductHealthEvent.Status.FAILING,
              ProductHealthEvent.Status.HEALTHY);
      assertThat(health.get(1).openAlerts())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.fingerprint()).isEqualTo("shop.orders/" + EMAIL_CHECK);
                assertThat(a.severity()).isEqualTo("error");
              });
      assertThat(health.get(1).owner()).isEqualTo("shop-team");
      assertThat(health.get(2).openAlerts()).isEmpty();

      // a warning only degrades
      driver.certified(ORDERS, order("v1", "a@b.c", "LOST"), at(200));
      driver.certified(ORDERS, order("v2", "a@b.c", "LOST"), at(201));
      window(driver, 202, 0);
      window(driver, 240, 0);
      window(driver, 300, 0); // closes [180, 240)
      window(driver, 360, 0); // closes [240, 300)
      assertThat(driver.health())
          .extracting(ProductHealthEvent::status)
          .containsExactly(ProductHealthEvent.Status.DEGRADED, ProductHealthEvent.Status.HEALTHY);
    }
  }

  @Test
  void downstreamAlertIsInhibitedByItsFiringUpstream() {
    try (QualityDriver driver = new QualityDriver(stateDir, T0, ORDERS, INVOICES)) {
      driver.certified(ORDERS, good("o1"), T0);
      driver.certified(INVOICES, invoice("i1"), T0);
      // orders (SLA 5 min) go stale first, invoices (SLA 10 min) later
      for (int s = 0; s < 11 * 60; s += 10) {
        driver.advanceWallClock(Duration.ofSeconds(10));
      }
      List<QualityAlertEvent> freshness = only(driver.alerts(), "freshness");
      assertThat(freshness)
          .extracting(QualityAlertEvent::productId)
          .containsExactly("shop.orders", "shop.invoices");
      assertThat(freshness.get(0).inhibitedBy()).isEmpty();
      assertThat(freshness.get(1).inhibitedBy()).containsExactly("shop.orders");
      assertThat(freshness.get(1).owner()).isEqualTo("billing-team");
    }
  }

  @Test
  void downstreamAlertIsNotInhibitedWhenItsUpstreamIsHealthy() {
    try (QualityDriver driver = new QualityDriver(stateDir, T0, ORDERS, INVOICES)) {
      driver.certified(INVOICES, invoice("i1"), T0);
      for (int s = 0; s < 11 * 60; s += 10) {
        driver.advanceWallClock(Duration.ofSeconds(10));
        if (s % 60 == 0) {
          for (int i = 0; i < 3; i++) { // enough for the throughput SLA
            driver.certified(ORDERS, good("o" + s + "-" + i), T0.plusSeconds(s));
          }
        }
      }
      List<QualityAlertEvent> freshness = only(driver.alerts(), "freshness");
      assertThat(freshness)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.productId()).isEqualTo("shop.invoices");
                assertThat(a.inhibitedBy()).isEmpty();
              });
    }
  }
}
