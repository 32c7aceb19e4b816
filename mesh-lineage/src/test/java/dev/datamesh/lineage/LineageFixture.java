package dev.datamesh.lineage;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A lineage service on the test broker with its own unique topics and group, reading contracts from
 * a {@link FakeRegistry}; fast intervals so tests do not wait.
 */
final class LineageFixture {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestKafka kafka;
  final String metadata = TestTopics.unique("lineage.metadata");
  final String stats = TestTopics.unique("lineage.stats");
  final String metrics = TestTopics.unique("lineage.metrics");
  final String alerts = TestTopics.unique("lineage.alerts");
  final String health = TestTopics.unique("lineage.health");
  final String group = TestTopics.unique("mesh-lineage-it");

  LineageFixture(TestKafka kafka) {
    this.kafka = kafka;
    KafkaTestClients.createTopics(kafka, 1, stats, metrics, alerts, health);
  }

  /** Starts the service against {@code registryUrl}. */
  TestServices.RunningService start(String registryUrl) {
    Map<String, Object> props = new HashMap<>();
    props.put("mesh.lineage.registry.url", registryUrl);
    props.put("mesh.lineage.registry.refresh", "300ms");
    props.put("mesh.lineage.metadata-topic", metadata);
    props.put("mesh.lineage.gateway-stats-topic", stats);
    props.put("mesh.lineage.quality-metrics-topic", metrics);
    props.put("mesh.lineage.quality-alerts-topic", alerts);
    props.put("mesh.lineage.product-health-topic", health);
    props.put("mesh.lineage.group-id", group);
    props.put("mesh.lineage.freshness-check", "200ms");
    props.put("mesh.lineage.discovery-interval", "1s");
    props.put("mesh.lineage.metadata-partitions", 2);
    props.put("mesh.lineage.consumer.client.id", inputClientId());
    return TestServices.start(kafka, "lineage", props);
  }

  /** The client id the service's input consumer is given through {@code mesh.lineage.consumer}. */
  String inputClientId() {
    return group + "-input-it";
  }

  void send(String topic, String key, Object event) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      byte[] value = event instanceof String s ? s.getBytes() : MeshJson.write(event);
      producer.send(new ProducerRecord<>(topic, key.getBytes(), value)).get();
    }
  }

  void sendStats(GatewayStatsEvent event) throws Exception {
    send(stats, event.productId(), event);
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
