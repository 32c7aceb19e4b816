package dev.datamesh.contracts.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serde} pairing {@link AvroSerializer} and {@link AvroDeserializer} over one registry
 * client, for Kafka Streams ({@code default.value.serde}) or any API taking a serde. Configure it
 * with the same keys as the serializer and deserializer before use.
 *
 * <p>A public class because Kafka Streams instantiates serdes reflectively. Thread-safe after
 * {@code configure}.
 */
public final class AvroSerde<T> implements Serde<T> {
  private final AvroSerializer<T> serializer = new AvroSerializer<>();
  private final AvroDeserializer<T> deserializer = new AvroDeserializer<>();
  private SchemaRegistryClient client;
  private boolean ownsClient;

  /** For reflective creation; {@link #configure} creates the registry client. */
  public AvroSerde() {}

  /** Uses {@code client}, which {@link #close()} leaves open. */
  public AvroSerde(SchemaRegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig.from(configs); // fail on bad serde settings before creating a client
    if (client == null) {
      client = SchemaRegistryClient.create(SchemaRegistryClientConfig.from(configs));
      ownsClient = true;
    }
    serializer.useClient(client);
    deserializer.useClient(client);
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
