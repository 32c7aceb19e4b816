package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void extraClientPropertiesKeepTheirKafkaNames() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "mesh.gateway.producer.batch.size", "262144",
                "mesh.gateway.producer.compression.type", "lz4",
                "mesh.gateway.consumer.fetch.min.bytes", "1"),
            "gateway")) {
      GatewayConfig config = ctx.getBean(GatewayConfig.class);

      assertThat(config.producer())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("batch.size", "262144", "compression.type", "lz4"));
      assertThat(config.consumer()).containsExactlyEntriesOf(Map.of("fetch.min.bytes", "1"));
    }
  }
}
