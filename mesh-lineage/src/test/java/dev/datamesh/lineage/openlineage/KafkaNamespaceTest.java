package dev.datamesh.lineage.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaNamespaceTest {

  @Test
  void theFirstBootstrapServerNamesTheNamespace() {
    assertThat(KafkaNamespace.fromBootstrapServers("b1:9093, b2:9094").uri())
        .isEqualTo("kafka://b1:9093");
    assertThat(KafkaNamespace.fromBootstrapServers("SASL_SSL://kafka.example:9096").uri())
        .isEqualTo("kafka://kafka.example:9096");
    assertThat(KafkaNamespace.fromBootstrapServers("localhost").uri())
        .isEqualTo("kafka://localhost:9092");
    assertThat(KafkaNamespace.fromBootstrapServers("[::1]:9092").uri())
        .isEqualTo("kafka://[::1]:9092");
  }

  @Test
  void anUnusableBootstrapListIsABrokenConfiguration() {
    assertThatThrownBy(() -> KafkaNamespace.fromBootstrapServers(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaNamespace.fromBootstrapServers("host:port"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
