/**
 * Avro serialization in the Confluent wire format, with a caching Schema Registry client.
 *
 * <ul>
 *   <li>{@link dev.datamesh.contracts.serde.WireFormat}: frames and unframes Kafka record bytes
 *       ({@code 0x00} + 4-byte big-endian schema id + Avro binary). Unframing never throws: bad
 *       bytes give an {@link dev.datamesh.contracts.serde.UnframeResult.Malformed} with a stable
 *       {@link dev.datamesh.contracts.serde.WireFormatError} code, for per-record dead-lettering.
 *   <li>{@link dev.datamesh.contracts.serde.SchemaRegistryClient}: the four registry calls a serde
 *       needs, over HTTP, with bounded caches and one request per id however many threads ask.
 *   <li>{@link dev.datamesh.contracts.serde.AvroSerializer}, {@link
 *       dev.datamesh.contracts.serde.AvroDeserializer}, {@link
 *       dev.datamesh.contracts.serde.AvroSerde}: Kafka serdes configured like Confluent's ({@link
 *       dev.datamesh.contracts.serde.AvroSerdeConfig}); they throw Kafka's {@code
 *       SerializationException}, as the Kafka contract expects.
 *   <li>{@link dev.datamesh.contracts.serde.FieldCipher}: decrypts fields the gateway masked with
 *       {@code encrypt}, for consumers that hold the key (docs/SECURITY.md).
 * </ul>
 *
 * <p>No Confluent artifact is used; the format follows the Confluent documentation so that
 * Confluent-compatible clients on the other side of a topic interoperate byte for byte.
 */
package dev.datamesh.contracts.serde;
