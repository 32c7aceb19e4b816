package dev.datamesh.lineage.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Optional<Duration> SLA = Optional.of(Duration.ofMinutes(15));

  @Test
  void aRecordWithinTheSlaIsFreshAndOneBeyondItIsStale() {
    Freshness fresh = evaluate(Optional.of(NOW.minusSeconds(900)), SLA, NOW.minusSeconds(7200));
    Freshness stale = evaluate(Optional.of(NOW.minusSeconds(901)), SLA, NOW.minusSeconds(7200));

    assertThat(fresh.status()).isEqualTo(FreshnessStatus.FRESH);
    assertThat(fresh.age()).contains(Duration.ofMinutes(15));
    assertThat(stale.status()).isEqualTo(FreshnessStatus.STALE);
  }

  @Test
  void silenceLongerThanTheSlaSinceTheProductAppearedIsStale() {
    assertThat(evaluate(Optional.empty(), SLA, NOW.minusSeconds(60)).status())
        .isEqualTo(FreshnessStatus.UNKNOWN);
    assertThat(evaluate(Optional.empty(), SLA, NOW.minusSeconds(3600)).status())
        .isEqualTo(FreshnessStatus.STALE);
  }

  @Test
  void withoutAnSlaFreshnessIsUnknownButTheAgeIsStillMeasured() {
    Freshness f = evaluate(Optional.of(NOW.minusSeconds(30)), Optional.empty(), NOW);

    assertThat(f.status()).isEqualTo(FreshnessStatus.UNKNOWN);
    assertThat(f.age()).contains(Duration.ofSeconds(30));
  }

  @Test
  void eventTimesInTheFutureHaveNoNegativeAge() {
    assertThat(evaluate(Optional.of(NOW.plusSeconds(5)), SLA, NOW).age()).contains(Duration.ZERO);
  }

  @Test
  void onlyAStatusOrNewestTimeChangeCountsAsAChange() {
    Freshness a = evaluate(Optional.of(NOW.minusSeconds(10)), SLA, NOW);
    Freshness later =
        Freshness.evaluate("p.q", Optional.of(NOW.minusSeconds(10)), SLA, NOW, NOW.plusSeconds(5));
    Freshness newer = evaluate(Optional.of(NOW.minusSeconds(1)), SLA, NOW);

    assertThat(later.differsFrom(a)).isFalse();
    assertThat(newer.differsFrom(a)).isTrue();
    assertThat(a.differsFrom(null)).isTrue();
  }

  private static Freshness evaluate(
      Optional<Instant> newest, Optional<Duration> sla, Instant knownSince) {
    return Freshness.evaluate("p.q", newest, sla, knownSince, NOW);
  }
}
