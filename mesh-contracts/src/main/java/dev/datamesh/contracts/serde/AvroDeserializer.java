package dev.datamesh.contracts.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading Avro in the Confluent wire format: the {@code 0x00} + schema
 * id prefix, or a schema GUID ({@code 0x01} prefix or {@code __value_schema_id}/{@code
 * __key_schema_id} header). The writer schema is fetched from the registry once per id. Returns
 * {@code GenericRecord} (read with the writer schema, or the subject's latest version when {@code
 * use.latest.version=true}), or the generated {@code SpecificRecord} class named by the writer
 * schema when {@code specific.avro.reader=true}; a primitive schema gives the Java value ({@code
 * String}, boxed number, raw {@code byte[]}). {@code null} stays {@code null}.
 *
 * <p>Kafka creates it by class name and calls {@link #configure}, with the keys of {@link
 * AvroSerdeConfig} and {@link SchemaRegistryClientConfig}; or build it with a shared client. It is
 * a public class, not an interface, because Kafka instantiates deserializers reflectively.
 *
 * <p>Thread-safe after {@code configure}. Bad bytes, unknown ids and undecodable payloads throw
 * Kafka's {@link SerializationException}, as the Kafka contract expects; code that must not throw
 * per record uses {@link WireFormat#unframe} and the client directly.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroSerdeConfig config;
  private boolean isKey;
  private AvroDatumDecoder decoder;

  /** For Kafka's reflective creation; {@link #configure} creates the registry client. */
  public AvroDeserializer() {}

  /** Uses {@code client} (not closed by {@link #close()}); still call {@link #configure}. */
  public AvroDeserializer(SchemaRegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Ready to use: {@code client} (not closed by {@link #close()}) and {@code config}. */
  public AvroDeserializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
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
    TrustedPackages.trust(config.trustedPackages());
    this.config = config;
    this.isKey = isKey;
    this.decoder = new AvroDatumDecoder(AvroSerializer.DATUM_CACHE_CAPACITY);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    return read(topic, WireFormat.unframe(data, headers, isKey));
  }

  /** Reads a heap buffer in place, without the copy Kafka's default implementation makes. */
  @Override
  public T deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    if (data.hasArray() && !hasSchemaIdHeader(headers)) {
      return read(topic, WireFormat.unframe(data));
    }
    byte[] copy = new byte[data.remaining()];
    data.duplicate().get(copy);
    return deserialize(topic, headers, copy);
  }

  private T read(String topic, UnframeResult unframed) {
    if (config == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    if (unframed instanceof UnframeResult.Malformed malformed) {
      throw new SerializationException(
          "record of topic "
              + topic
              + " is not Confluent-framed Avro: "
              + malformed.error()
              + ": "
              + malformed.message());
    }
    UnframeResult.Framed framed = (UnframeResult.Framed) unframed;
    String subject = AvroSerdeConfig.subject(topic, isKey);
    Schema writer = writerSchema(subject, framed);
    Schema reader =
        config.useLatestVersion() && !config.specificAvroReader()
            ? registry(subject, () -> client.latest(subject).schema(), "latest version")
            : null;
    @SuppressWarnings("unchecked")
    T datum = (T) decoder.decode(framed, writer, reader, config.specificAvroReader());
    return datum;
  }

  private Schema writerSchema(String subject, UnframeResult.Framed framed) {
    if (framed.byGuid()) {
      return registry(
          subject,
          () -> client.getByGuid(framed.schemaGuid()),
          "schema GUID " + framed.schemaGuid());
    }
    return registry(
        subject, () -> client.getById(framed.schemaId()), "schema id " + framed.schemaId());
  }

  private static Schema registry(
      String subject, java.util.function.Supplier<Schema> call, String what) {
    try {
      return call.get();
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          (e.isNotFound() ? "unknown " : "cannot fetch ")
              + what
              + " (subject "
              + subject
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private boolean hasSchemaIdHeader(Headers headers) {
    return headers != null
        && headers.lastHeader(
                isKey ? WireFormat.KEY_SCHEMA_ID_HEADER : WireFormat.VALUE_SCHEMA_ID_HEADER)
            != null;
  }

  @Override
  public void close() {
    if (decoder != null) {
      decoder.releaseThreadDecoder();
    }
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
