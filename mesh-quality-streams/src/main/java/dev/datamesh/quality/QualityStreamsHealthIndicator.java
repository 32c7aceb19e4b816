package dev.datamesh.quality;

import dev.datamesh.quality.contracts.ProductContracts;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * {@code /health} part {@code qualityStreams}: UP while the streams are RUNNING or REBALANCING,
 * DOWN otherwise; details show the state and whether contracts could be read.
 */
@Singleton
final class QualityStreamsHealthIndicator implements HealthIndicator {
  static final String NAME = "qualityStreams";

  private final QualityStreams streams;
  private final ProductContracts contracts;

  QualityStreamsHealthIndicator(QualityStreams streams, ProductContracts contracts) {
    this.streams = streams;
    this.contracts = contracts;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    KafkaStreams.State state = streams.state();
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return Publishers.just(
        HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN)
            .details(
                Map.of(
                    "state", state.name(),
                    "contractsReady", contracts.ready(),
                    "products", contracts.all().size()))
            .build());
  }
}
