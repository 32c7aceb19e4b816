package dev.datamesh.quality.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ObservationSerdeTest {
  private final Serde<Observation> serde = ObservationSerde.serde();

  @Test
  void certifiedObservationSurvivesTheRoundTrip() {
    Observation o =
        new Observation(
            Observation.Kind.CERTIFIED,
            1_700_000_000_123L,
            1_700_000_000_456L,
            "1.2.0",
            List.of("/coupon", "/customer/email"),
            List.of("amountRange"),
            Map.of(RecordInspector.UNIQUE_KEY, "ORD-1", "dupes", "a\u001fé"),
            null);

    assertThat(roundTrip(o)).isEqualTo(o);
  }

  @Test
  void observationsWithNullsAndLongKeysSurviveTheRoundTrip() {
    Observation dead = Observation.deadLetter(42L, "RULE_VIOLATION");
    Observation known = Observation.known();
    Observation longKey =
        new Observation(
            Observation.Kind.CERTIFIED,
            1,
            -1,
            null,
            null,
            null,
            Map.of(RecordInspector.UNIQUE_KEY, "k".repeat(70_000)),
            null);

    assertThat(roundTrip(dead)).isEqualTo(dead);
    assertThat(roundTrip(known)).isEqualTo(known);
    assertThat(roundTrip(longKey)).isEqualTo(longKey);
  }

  @Test
  void jsonWrittenByEarlierVersionsIsStillRead() {
    Observation o = Observation.deadLetter(7L, "OVERSIZED");

    assertThat(serde.deserializer().deserialize("t", QualityJson.write(o))).isEqualTo(o);
  }

  @Test
  void binaryIsSmallerThanJson() {
    Observation o = Observation.deadLetter(7L, "OVERSIZED");

    assertThat(serde.serializer().serialize("t", o)).hasSizeLessThan(QualityJson.write(o).length);
  }

  @Test
  void truncatedValueIsASerializationError() {
    byte[] bytes = serde.serializer().serialize("t", Observation.deadLetter(7L, "OVERSIZED"));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class);
  }

  private Observation roundTrip(Observation o) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", o));
  }
}
