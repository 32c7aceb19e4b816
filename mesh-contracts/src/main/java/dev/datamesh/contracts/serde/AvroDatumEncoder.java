package dev.datamesh.contracts.serde;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a datum framed with its schema id. Datum writers are cached per schema (generic) or per
 * class (specific); the output buffer and encoder are reused per thread. Thread-safe.
 */
final class AvroDatumEncoder {
  private static final int RETAINED_BUFFER_LIMIT = 1 << 20;

  private final Cache<Schema, DatumWriter<Object>> genericWriters;
  private final Cache<Class<?>, DatumWriter<Object>> specificWriters;
  private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

  private static final class Buffer {
    final byte[] prefix = new byte[WireFormat.PREFIX_LENGTH];
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
    // The writer cache is keyed by schema *equality*: a hit on an equal schema of another instance
    // (products sharing a schema, a schema parsed twice) walks both schemas per call, which showed
    // in the gateway's masking profile. The schema instance this thread wrote last skips that.
    Schema lastSchema;
    DatumWriter<Object> lastWriter;
  }

  AvroDatumEncoder(int capacity) {
    this.genericWriters = Caffeine.newBuilder().maximumSize(capacity).build();
    this.specificWriters = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  /**
   * {@code 0x00}, the id, then the Avro binary encoding of {@code datum} with {@code schema}; a
   * {@code byte[]} under a {@code bytes} schema is written raw, as Confluent's serializer does.
   */
  byte[] encode(int schemaId, Schema schema, Object datum) {
    if (datum instanceof byte[] raw && schema.getType() == Schema.Type.BYTES) {
      return WireFormat.frame(schemaId, raw);
    }
    Buffer buffer = buffers.get();
    buffer.out.reset();
    WireFormat.writePrefix(buffer.prefix, schemaId);
    buffer.out.write(buffer.prefix, 0, WireFormat.PREFIX_LENGTH);
    buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer.out, buffer.encoder);
    try {
      writerFor(buffer, schema, datum).write(datum, buffer.encoder);
      buffer.encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    byte[] framed = buffer.out.toByteArray();
    if (framed.length > RETAINED_BUFFER_LIMIT) {
      buffer.out = new ByteArrayOutputStream(256); // don't pin one huge record's buffer per thread
    }
    return framed;
  }

  void releaseThreadBuffer() {
    buffers.remove();
  }

  private DatumWriter<Object> writerFor(Buffer buffer, Schema schema, Object datum) {
    if (datum instanceof SpecificRecord) {
      return specificWriters.get(datum.getClass(), type -> specificWriter(schema, type));
    }
    if (buffer.lastSchema != schema) {
      buffer.lastWriter =
          genericWriters.get(schema, s -> new GenericDatumWriter<>(s, GenericData.get()));
      buffer.lastSchema = schema;
    }
    return buffer.lastWriter;
  }

  private static DatumWriter<Object> specificWriter(Schema schema, Class<?> type) {
    return new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
  }
}
