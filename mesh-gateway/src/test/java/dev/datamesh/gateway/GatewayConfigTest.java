package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  private static final Map<String, Object> KAFKA = Map.of("bootstrap.servers", "kafka:9092");

  @Test
  void extraClientPropertiesKeepTheirKafkaNames() {
    GatewayConfig config =
        bind(
            Map.of(
                "mesh.gateway.producer.batch.size", "262144",
                "mesh.gateway.producer.compression.type", "lz4",
                "mesh.gateway.consumer.fetch.min.bytes", "1"));

    assertThat(config.producer())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("batch.size", "262144", "compression.type", "lz4"));
    assertThat(config.consumer()).containsExactlyEntriesOf(Map.of("fetch.min.bytes", "1"));
  }

  @Test
  void producersBatch256KiBTakeTheirOwnTransactionalIdsAndExtraSettingsOverrideTheDefaults() {
    GatewayConfig defaults = bind(Map.of("mesh.gateway.instance-id", "a"));
    GatewayConfig tuned =
        bind(Map.of("mesh.gateway.instance-id", "a", "mesh.gateway.producer.batch.size", "65536"));

    Map<String, Object> first = CertificationLoop.producerProperties(defaults, KAFKA, 0);
    Map<String, Object> second = CertificationLoop.producerProperties(defaults, KAFKA, 1);
    assertThat(first)
        .containsEntry("batch.size", 256 * 1024)
        .containsEntry("transactional.id", "mesh-gateway-a")
        .containsEntry("bootstrap.servers", "kafka:9092");
    assertThat(second).containsEntry("transactional.id", "mesh-gateway-a-2");
    assertThat(CertificationLoop.producerProperties(tuned, KAFKA, 0))
        .containsEntry("batch.size", "65536");
    assertThat(CertificationLoop.consumerProperties(defaults, KAFKA))
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false);
  }

  @Test
  void extraSettingsThatWouldBreakExactlyOnceAreRefusedAtStartUp() {
    assertThatThrownBy(() -> bind(Map.of("mesh.gateway.producer.transactional.id", "mine")))
        .hasRootCauseMessage(
            "mesh.gateway.producer.transactional.id cannot be set: use mesh.gateway.group-id and"
                + " mesh.gateway.instance-id");
    assertThatThrownBy(() -> bind(Map.of("mesh.gateway.consumer.isolation.level", "x")))
        .hasRootCauseMessage(
            "mesh.gateway.consumer.isolation.level cannot be set: the gateway reads"
                + " read_committed");
  }

  private static GatewayConfig bind(Map<String, Object> properties) {
    try (ApplicationContext ctx = ApplicationContext.run(properties, "gateway")) {
      return ctx.getBean(GatewayConfig.class);
    }
  }
}
