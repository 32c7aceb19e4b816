package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  @Test
  void serdeDefaultsNeverRegisterAndReadGenericRecords() {
    AvroSerdeConfig config = AvroSerdeConfig.defaults();

    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.specificAvroReader()).isFalse();
    assertThat(config.trustedPackages()).isEmpty();
  }

  @Test
  void registryDefaultsAreDocumentedValues() {
    SchemaRegistryClientConfig config =
        SchemaRegistryClientConfig.from(
            Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "http://a:8081/, http://b:8081"));

    assertThat(config.urls())
        .containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.cacheCapacity()).isEqualTo(1000);
    assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.bearerToken()).isEmpty();
  }

  @Test
  void registryUrlIsRequired() {
    assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void nonHttpUrlsAreRejected() {
    assertThatThrownBy(() -> SchemaRegistryClientConfig.of("mock://x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http");
  }

  @Test
  void bearerAndBasicTogetherAreRejected() {
    assertThatThrownBy(
            () ->
                SchemaRegistryClientConfig.from(
                    Map.of(
                        SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "http://a",
                        SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, "t",
                        SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "u:p")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void toStringNeverShowsTheToken() {
    SchemaRegistryClientConfig config =
        SchemaRegistryClientConfig.of("http://a").withBearerToken("very-secret-token");

    assertThat(config.toString()).doesNotContain("very-secret-token").contains("bearer");
  }

  @Test
  void autoRegisterAndUseLatestTogetherAreRejected() {
    assertThatThrownBy(() -> new AvroSerdeConfig(true, true, false, List.of()))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void onlyTopicNameStrategyIsAccepted() {
    assertThat(
            AvroSerdeConfig.from(
                Map.of(
                    AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                    "io.confluent.kafka.serializers.subject.TopicNameStrategy")))
        .isNotNull();
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.from(
                    Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TopicNameStrategy");
  }

  @Test
  void trustedPackagesAreTrimmedAndSplit() {
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(AvroSerdeConfig.SPECIFIC_AVRO_TRUSTED_PACKAGES, "com.a, com.b ,"));

    assertThat(config.trustedPackages()).containsExactly("com.a", "com.b");
  }
}
