package dev.datamesh.quality.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class WindowAggregateSerdeTest {
  private final Serde<WindowAggregate> serde = WindowAggregateSerde.serde();

  @Test
  void aWindowWithEveryKindOfCountSurvivesTheRoundTrip() {
    WindowAggregate w = populated();

    WindowAggregate back = roundTrip(w);

    assertThat(back).usingRecursiveComparison().isEqualTo(w);
    assertThat(back.toEvent("0", 3)).isEqualTo(w.toEvent("0", 3));
  }

  @Test
  void anEmptyWindowWithoutAVersionSurvivesTheRoundTrip() {
    WindowAggregate w = WindowAggregate.open("shop.orders", 0, 60_000);

    assertThat(roundTrip(w)).usingRecursiveComparison().isEqualTo(w);
  }

  @Test
  void jsonWrittenByEarlierVersionsIsStillRead() {
    WindowAggregate w = populated();

    WindowAggregate back = serde.deserializer().deserialize("t", QualityJson.write(w));

    // (Jackson reads the count maps as insertion-ordered maps; what the window reports is equal)
    assertThat(back.toEvent("0", 3)).isEqualTo(w.toEvent("0", 3));
  }

  @Test
  void bytesThatAreNotAWindowAreASerializationError() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0}))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 9");
  }

  @Test
  void binaryIsSmallerThanJson() {
    WindowAggregate w = populated();

    assertThat(WindowAggregateSerde.write(w).length).isLessThan(QualityJson.write(w).length);
  }

  private static WindowAggregate populated() {
    WindowAggregate w = WindowAggregate.open("shop.orders", 1_700_000_040_000L, 60_000);
    Observation certified =
        new Observation(
            Observation.Kind.CERTIFIED,
            1_700_000_041_000L,
            1_700_000_041_250L,
            "1.2.0",
            List.of("/coupon"),
            List.of("amountRange"),
            Map.of(),
            null);
    w.add(certified, 100);
    w.add(certified, 100);
    w.add(Observation.deadLetter(1_700_000_042_000L, "RULE_VIOLATION"), 100);
    w.duplicate(RecordInspector.UNIQUE_KEY);
    w.duplicate("orderIdUnique");
    return w;
  }

  private WindowAggregate roundTrip(WindowAggregate w) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", w));
  }
}
