package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.serde.AvroSerdeConfig;
import dev.datamesh.contracts.serde.AvroSerializer;
import dev.datamesh.quality.contracts.MutableProductContracts;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.MeshTopics;
import dev.datamesh.topics.ProductHealthEvent;
import dev.datamesh.topics.QualityAlertEvent;
import dev.datamesh.topics.QualityMetricsEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The quality topology in a {@link TopologyTestDriver}, with an in-memory registry and contracts,
 * and helpers to write certified records and read the outputs as events. Windows: 1 minute, grace
 * 30 s; freshness checked every 10 s of wall clock.
 */
final class QualityDriver implements AutoCloseable {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final QualitySettings SETTINGS = QualitySettings.defaults();

  final MutableProductContracts contracts = ProductContracts.inMemory();
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopologyTestDriver driver;
  private final AvroSerializer<Object> serializer;
  private final TestOutputTopic<String, byte[]> alerts;
  private final TestOutputTopic<String, byte[]> metrics;
  private final TestOutputTopic<String, byte[]> health;

  QualityDriver(Path stateDir, Instant wallClock, DataContract... known) {
    for (DataContract contract : known) {
      contracts.put(contract);
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            QualityTopology.build(SETTINGS, contracts, registry), props, wallClock);
    serializer =
        new AvroSerializer<>(registry, new AvroSerdeConfig(true, false, false, List.of()), false);
    alerts = output(SETTINGS.alertsTopic());
    metrics = output(SETTINGS.metricsTopic());
    health = output(SETTINGS.healthTopic());
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** A record of the contract's value schema with the given field values. */
  static GenericRecord record(DataContract contract, Map<String, Object> values) {
    GenericRecord record = new GenericData.Record(contract.valueSchema());
    values.forEach(record::put);
    return record;
  }

  /** Writes a certified record (event time, certified-at header 1 s later). */
  void certified(DataContract contract, GenericRecord value, Instant eventTime) {
    certified(contract, value, eventTime, eventTime.plusSeconds(1));
  }

  void certified(
      DataContract contract, GenericRecord value, Instant eventTime, Instant certifiedAt) {
    String topic = contract.topics().certified();
    RecordHeaders headers = new RecordHeaders();
    headers.add("mesh.contract.id", bytes(contract.contractId()));
    headers.add("mesh.contract.version", bytes(contract.version().toString()));
    headers.add("mesh.certified.at", bytes(certifiedAt.toString()));
    byte[] payload = serializer.serialize(topic, value);
    input(topic).pipeInput(new TestRecord<>(bytes("k"), payload, headers, eventTime));
  }

  /** Writes raw bytes to a certified topic (e.g. not Avro). */
  void certifiedBytes(String productId, byte[] payload, Instant eventTime) {
    input(MeshTopics.certified(productId))
        .pipeInput(new TestRecord<>(bytes("k"), payload, new RecordHeaders(), eventTime));
  }

  void deadLetter(String productId, Instant time, String code) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("mesh.error.code", bytes(code));
    input(MeshTopics.deadLetter(productId))
        .pipeInput(new TestRecord<>(bytes("k"), bytes("bad"), headers, time));
  }

  void stats(GatewayStatsEvent event, Instant at) {
    input(SETTINGS.statsTopic())
        .pipeInput(
            new TestRecord<>(
                bytes(event.productId()), MeshJson.write(event), new RecordHeaders(), at));
  }

  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  List<QualityAlertEvent> alerts() {
    return read(alerts, QualityAlertEvent.class);
  }

  /** New alert records as key → alert. */
  List<org.apache.kafka.streams.KeyValue<String, QualityAlertEvent>> alertRecords() {
    List<org.apache.kafka.streams.KeyValue<String, QualityAlertEvent>> records = new ArrayList<>();
    alerts
        .readKeyValuesToList()
        .forEach(
            kv ->
                records.add(
                    org.apache.kafka.streams.KeyValue.pair(
                        kv.key, MeshJson.read(kv.value, QualityAlertEvent.class))));
    return records;
  }

  List<QualityMetricsEvent> metrics() {
    return read(metrics, QualityMetricsEvent.class);
  }

  List<ProductHealthEvent> health() {
    return read(health, ProductHealthEvent.class);
  }

  private static <T> List<T> read(TestOutputTopic<String, byte[]> topic, Class<T> type) {
    List<T> events = new ArrayList<>();
    topic.readValuesToList().forEach(v -> events.add(MeshJson.read(v, type)));
    return events;
  }

  private TestInputTopic<byte[], byte[]> input(String topic) {
    return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    driver.close();
  }
}
