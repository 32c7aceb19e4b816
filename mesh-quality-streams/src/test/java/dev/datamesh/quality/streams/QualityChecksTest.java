package dev.datamesh.quality.streams;

import static dev.datamesh.quality.streams.QualityDriver.T0;
import static dev.datamesh.quality.streams.ShopOrders.ORDERS;
import static dev.datamesh.quality.streams.ShopOrders.good;
import static dev.datamesh.quality.streams.ShopOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.topics.QualityAlertEvent;
import dev.datamesh.topics.QualityAlertEvent.Status;
import dev.datamesh.topics.QualityMetricsEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every windowed check of the test contract passes, fails and resolves (1-minute windows). */
class QualityChecksTest {
  @TempDir Path stateDir;
  private QualityDriver driver;
  private int next;

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

  private void goodOrders(int count, long second) {
    for (int i = 0; i < count; i++) {
      driver.certified(ORDERS, good("o-" + next++), at(second));
    }
  }

  /** A record far enough ahead to close every window before {@code second} - 30 s. */
  private void tick(long second) {
    goodOrders(1, second);
  }

  private List<QualityAlertEvent> alerts(String check) {
    return driver.alerts().stream().filter(a -> a.check().equals(check)).toList();
  }

  @Test
  void completenessFiresOnTooManyNullsAndResolvesWhenTheRateRecovers() {
    for (int i = 0; i < 5; i++) {
      driver.certified(ORDERS, order("a" + i, i < 2 ? null : "x@y.z", "NEW"), at(5 + i));
    }
    goodOrders(5, 70);
    goodOrders(5, 130);
    tick(250);

    List<QualityAlertEvent> alerts = alerts("completeness/emailPresent");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    QualityAlertEvent firing = alerts.get(0);
    assertThat(firing.kind()).isEqualTo("completeness");
    assertThat(firing.severity()).isEqualTo("error");
    assertThat(firing.observed()).isEqualTo("40 %");
    assertThat(firing.expected()).startsWith("mustBeLessThan 20 %");
    assertThat(firing.windowStart()).isEqualTo(T0);
    assertThat(firing.windowEnd()).isEqualTo(at(60));
    assertThat(alerts.get(1).observed()).isEqualTo("0 %");
  }

  @Test
  void validityFiresOnInvalidValuesAndResolves() {
    driver.certified(ORDERS, order("a1", "a@b.c", "LOST"), at(1));
    driver.certified(ORDERS, order("a2", "a@b.c", "STOLEN"), at(2));
    goodOrders(3, 3);
    goodOrders(3, 70);
    tick(200);

    List<QualityAlertEvent> alerts = alerts("validity/statusValid");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    assertThat(alerts.get(0).severity()).isEqualTo("warning");
    assertThat(alerts.get(0).observed()).isEqualTo("2 rows");
  }

  @Test
  void uniquenessFiresOnDuplicateKeysInAWindowAndResolves() {
    driver.certified(ORDERS, good("dup"), at(1));
    driver.certified(ORDERS, good("dup"), at(2));
    goodOrders(3, 3);
    // the same key in the next window is not a duplicate: windows are tumbling
    driver.certified(ORDERS, good("dup"), at(61));
    goodOrders(3, 62);
    tick(200);

    assertThat(alerts("uniqueness/orderIdUnique"))
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    List<QualityMetricsEvent> metrics = driver.metrics();
    assertThat(metrics.get(0).duplicates()).isEqualTo(1);
    assertThat(metrics.get(0).ruleViolations()).containsEntry("orderIdUnique", 1L);
    assertThat(metrics.get(1).duplicates()).isZero();
  }

  @Test
  void volumeFiresBelowTheThroughputSlaAndResolves() {
    goodOrders(2, 1);
    goodOrders(3, 61);
    tick(200);

    List<QualityAlertEvent> alerts = alerts("volume/throughput");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    assertThat(alerts.get(0).observed()).isEqualTo("2 records");
    assertThat(alerts.get(0).expected()).isEqualTo(">= 3 records per PT1M");
  }

  @Test
  void aGapWithoutAnyRecordFailsVolumeForTheEmptyWindow() {
    goodOrders(3, 1);
    // nothing in [60, 180)
    goodOrders(3, 181);
    tick(300);

    List<QualityAlertEvent> alerts = alerts("volume/throughput");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    assertThat(alerts.get(0).observed()).isEqualTo("0 records");
    assertThat(alerts.get(0).windowStart()).isEqualTo(at(60));
  }

  @Test
  void latencyFiresWhenP95LagExceedsTheSlaAndResolves() {
    for (int i = 0; i < 5; i++) {
      driver.certified(ORDERS, good("slow" + i), at(1), at(61));
    }
    goodOrders(5, 61);
    tick(200);

    List<QualityAlertEvent> alerts = alerts("latency");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    assertThat(alerts.get(0).observed()).contains("5 of 5 over the SLA");
    assertThat(alerts.get(0).expected()).isEqualTo("p95 <= PT30S");
  }

  @Test
  void latencyToleratesFivePercentOfRecordsOverTheSla() {
    driver.certified(ORDERS, good("slow"), at(1), at(100));
    goodOrders(19, 2);
    tick(200);

    assertThat(alerts("latency")).isEmpty();
    QualityMetricsEvent first = driver.metrics().get(0);
    assertThat(first.lag().measured()).isEqualTo(20);
    assertThat(first.lag().overSla()).isEqualTo(1);
    assertThat(first.lag().maxMs()).isEqualTo(99_000);
  }

  @Test
  void deadLetterRateFailsValidityAndResolves() {
    goodOrders(5, 1);
    driver.deadLetter("shop.orders", at(2), "RECORD_PATTERN_MISMATCH");
    goodOrders(5, 61);
    tick(200);

    List<QualityAlertEvent> alerts = alerts("validity/deadLetterRate");
    assertThat(alerts)
        .extracting(QualityAlertEvent::status)
        .containsExactly(Status.FIRING, Status.RESOLVED);
    QualityMetricsEvent first = driver.metrics().get(0);
    assertThat(first.deadLetters()).isEqualTo(1);
    assertThat(first.deadLettersByCode()).containsEntry("RECORD_PATTERN_MISMATCH", 1L);
    assertThat(first.deadLetterRate())
        .isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void oneMetricsRecordPerWindowOnlyOnceTheWindowClosed() {
    driver.certified(ORDERS, order("a", null, "NEW"), at(1), at(3));
    goodOrders(3, 10);
    goodOrders(1, 80); // watermark 80 < 60 + 30: the first window is still open
    assertThat(driver.metrics()).isEmpty();

    tick(95);
    List<QualityMetricsEvent> metrics = driver.metrics();
    assertThat(metrics).hasSize(1);
    QualityMetricsEvent window = metrics.get(0);
    assertThat(window.productId()).isEqualTo("shop.orders");
    assertThat(window.contractVersion()).isEqualTo("1.2.0");
    assertThat(window.windowStart()).isEqualTo(T0);
    assertThat(window.windowEnd()).isEqualTo(at(60));
    assertThat(window.records()).isEqualTo(4);
    assertThat(window.nullCounts()).containsExactly(java.util.Map.entry("/email", 1L));
    assertThat(window.ruleViolations()).containsEntry("emailPresent", 1L);
    assertThat(window.lag().measured()).isEqualTo(4);
    assertThat(window.lag().maxMs()).isEqualTo(2_000);

    tick(300);
    assertThat(driver.metrics())
        .extracting(QualityMetricsEvent::windowStart)
        .containsExactly(at(60)); // [240, 300) of the tick closes at 330
  }

  @Test
  void undecodableCertifiedRecordsAreCountedNotFatal() {
    driver.certifiedBytes("shop.orders", new byte[] {0, 0, 0, 0, 99, 1, 2}, at(1));
    goodOrders(3, 2);
    tick(200);

    QualityMetricsEvent first = driver.metrics().get(0);
    assertThat(first.records()).isEqualTo(4);
    assertThat(first.undecodable()).isEqualTo(1);
  }
}
