package dev.datamesh.quality.streams;

import dev.datamesh.contracts.serde.AvroDeserializer;
import dev.datamesh.contracts.serde.AvroSerdeConfig;
import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.ProductHealthEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/** Wires sources, processors, stores and sinks of {@link QualityTopology}. */
final class QualityTopologyBuilder {
  private final QualitySettings settings;
  private final ProductContracts contracts;
  private final SchemaRegistryClient registry;

  QualityTopologyBuilder(
      QualitySettings settings, ProductContracts contracts, SchemaRegistryClient registry) {
    this.settings = settings;
    this.contracts = contracts;
    this.registry = registry;
  }

  Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<byte[], byte[]> bytes = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
    KStream<String, Observation> certified =
        builder.stream(settings.certifiedPattern(), bytes.withName("certified-topics"))
            .process(
                () -> new CertifiedObserver(contracts, avroDeserializer()),
                Named.as("observe-certified"));
    KStream<String, Observation> deadLetters =
        builder.stream(settings.deadLetterPattern(), bytes.withName("dead-letter-topics"))
            .process(DeadLetterObserver::new, Named.as("observe-dead-letters"));
    KStream<String, Observation> stats =
        builder.stream(settings.statsTopic(), bytes.withName("gateway-stats"))
            .process(
                () -> new StatsObserver(contracts, settings.freshnessInterval()),
                Named.as("observe-gateway-stats"));

    KStream<String, Observation> byProduct =
        certified
            .merge(deadLetters, Named.as("merge-dead-letters"))
            .merge(stats, Named.as("merge-gateway-stats"))
            .repartition(
                Repartitioned.<String, Observation>as("observations")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(ObservationSerde.serde())
                    .withNumberOfPartitions(settings.partitions()));

    addStores(builder);
    byProduct
        .process(
            () -> new QualityProcessor(settings, contracts),
            Named.as("quality-checks"),
            QualityTopology.WINDOWS_STORE,
            QualityTopology.SEEN_KEYS_STORE,
            QualityTopology.PRODUCTS_STORE,
            QualityTopology.MARKS_STORE,
            QualityTopology.ALERTS_STORE)
        .to(
            (key, output, context) -> output.topic(),
            Produced.with(Serdes.String(), Output.serde()).withName("quality-outputs"));
    return builder.build();
  }

  private Deserializer<Object> avroDeserializer() {
    return new AvroDeserializer<>(registry, AvroSerdeConfig.defaults(), false);
  }

  private void addStores(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QualityTopology.WINDOWS_STORE),
                Serdes.String(),
                WindowAggregateSerde.serde())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                QualityTopology.SEEN_KEYS_STORE,
                settings.dedupeRetention(),
                settings.dedupeRetention(),
                false),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QualityTopology.PRODUCTS_STORE),
                Serdes.String(),
                QualityJson.serde(ProductState.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QualityTopology.MARKS_STORE),
                Serdes.String(),
                Serdes.Long())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QualityTopology.ALERTS_STORE),
                Serdes.String(),
                QualityJson.serde(AlertState.class))
            .withCachingEnabled());
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QualityTopology.HEALTH_STORE),
                Serdes.String(),
                healthSerde())
            .withLoggingDisabled(),
        settings.healthTopic(),
        Consumed.with(Serdes.String(), healthSerde()).withName("product-health"),
        HealthStoreUpdater::new);
  }

  static Serde<ProductHealthEvent> healthSerde() {
    return Serdes.serdeFrom(
        (topic, health) -> health == null ? null : MeshJson.write(health),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return MeshJson.read(bytes, ProductHealthEvent.class);
          } catch (IllegalArgumentException e) {
            return null;
          }
        });
  }
}
