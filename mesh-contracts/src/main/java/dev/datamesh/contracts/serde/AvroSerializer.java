package dev.datamesh.contracts.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro in the Confluent wire format: {@code 0x00}, the 4-byte
 * big-endian schema id, the Avro binary datum. Accepts {@code GenericRecord}, {@code
 * SpecificRecord} and Avro primitives ({@code String}, boxed numbers, {@code Boolean}, {@code
 * byte[]}, the latter written raw). {@code null} stays {@code null} (tombstones are never framed).
 *
 * <p>The subject is {@code <topic>-key} or {@code <topic>-value} (TopicNameStrategy). The schema id
 * comes from, by {@link AvroSerdeConfig}: registration ({@code auto.register.schemas=true}), the
 * subject's latest version ({@code use.latest.version=true}; the value's schema must encode the
 * same), or by default a lookup of the value's schema under the subject, which fails if it is not
 * registered. Every answer is cached by the {@link SchemaRegistryClient}.
 *
 * <p>Kafka creates it by class name and calls {@link #configure}, with the keys of {@link
 * AvroSerdeConfig} and {@link SchemaRegistryClientConfig}; or build it with a shared client. It is
 * a public class, not an interface, because Kafka instantiates serializers reflectively.
 *
 * <p>Thread-safe after {@code configure}. Failures throw Kafka's {@link SerializationException}.
 */
public final class AvroSerializer<T> implements Serializer<T> {
  static final int DATUM_CACHE_CAPACITY = 1000;

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroSerdeConfig config;
  private boolean isKey;
  private AvroDatumEncoder encoder;

  /** For Kafka's reflective creation; {@link #configure} creates the registry client. */
  public AvroSerializer() {}

  /** Uses {@code client} (not closed by {@link #close()}); still call {@link #configure}. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Ready to use: {@code client} (not closed by {@link #close()}) and {@code config}. */
  public AvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    this(client);
    init(config, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig serdeConfig = AvroSerdeConfig.from(configs);
    if (client == null) {
      client = SchemaRegistryClient.create(SchemaRegistryClientConfig.from(configs));
      ownsClient = true;
    }
    init(serdeConfig, isKey);
  }

  /** Lets {@link AvroSerde} share its client; must precede {@link #configure}. */
  void useClient(SchemaRegistryClient shared) {
    this.client = shared;
    this.ownsClient = false;
  }

  private void init(AvroSerdeConfig config, boolean isKey) {
    this.config = config;
    this.isKey = isKey;
    this.encoder = new AvroDatumEncoder(DATUM_CACHE_CAPACITY);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = AvroSchemas.of(data);
    String subject = AvroSerdeConfig.subject(topic, isKey);
    int id = schemaId(subject, schema);
    try {
      return encoder.encode(id, schema, data);
    } catch (RuntimeException e) {
      throw new SerializationException(
          "cannot write a " + schema.getFullName() + " for subject " + subject + ": " + e, e);
    }
  }

  private int schemaId(String subject, Schema schema) {
    try {
      if (config.autoRegisterSchemas()) {
        return client.register(subject, schema);
      }
      if (config.useLatestVersion()) {
        return latestId(subject, schema);
      }
      return client.lookup(subject, schema).id();
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "no schema id for subject "
              + subject
              + (e.isNotFound() && !config.autoRegisterSchemas()
                  ? " (the schema is not registered there, and "
                      + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                      + " is false)"
                  : "")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private int latestId(String subject, Schema schema) {
    SchemaVersion latest = client.latest(subject);
    if (!AvroSchemas.sameEncoding(schema, latest.schema())) {
      throw new SerializationException(
          "the value's schema "
              + schema.getFullName()
              + " does not encode like the latest version "
              + latest.version()
              + " (id "
              + latest.id()
              + ") of "
              + subject
              + "; with "
              + AvroSerdeConfig.USE_LATEST_VERSION
              + " build values with that schema");
    }
    return latest.id();
  }

  @Override
  public void close() {
    if (encoder != null) {
      encoder.releaseThreadBuffer();
    }
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
