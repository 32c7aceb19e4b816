package dev.datamesh.contracts.serde;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes unframed Avro payloads. Datum readers are cached per (writer schema, reader schema,
 * generic or specific); the binary decoder is reused per thread. Thread-safe.
 */
final class AvroDatumDecoder {
  private final Cache<ReaderKey, DatumReader<Object>> readers;
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  private record ReaderKey(Schema writer, Schema reader, boolean specific) {}

  AvroDatumDecoder(int capacity) {
    this.readers = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  /**
   * The datum in {@code framed}'s payload, written with {@code writer}. Generic records are read
   * into {@code reader} (null: the writer schema); specific records into the class named by the
   * writer schema. A {@code bytes} writer schema gives the raw payload, a {@code string} one a
   * {@link String}, as Confluent's deserializer does.
   *
   * @throws SerializationException when the payload does not decode or no class fits
   */
  Object decode(UnframeResult.Framed framed, Schema writer, Schema reader, boolean specific) {
    byte[] buffer = framed.buffer();
    int offset = framed.payloadOffset();
    int length = framed.payloadLength();
    if (writer.getType() == Schema.Type.BYTES) {
      return Arrays.copyOfRange(buffer, offset, offset + length);
    }
    DatumReader<Object> datumReader =
        readers.get(new ReaderKey(writer, reader, specific), AvroDatumDecoder::newReader);
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(buffer, offset, length, decoders.get());
    decoders.set(decoder);
    try {
      Object datum = datumReader.read(null, decoder);
      return datum instanceof Utf8 utf8 ? utf8.toString() : datum;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Avro payload does not decode with writer schema " + writer.getFullName() + ": " + e, e);
    }
  }

  void releaseThreadDecoder() {
    decoders.remove();
  }

  private static DatumReader<Object> newReader(ReaderKey key) {
    if (!key.specific()) {
      Schema reader = key.reader() == null ? key.writer() : key.reader();
      return new GenericDatumReader<>(key.writer(), reader, GenericData.get());
    }
    if (!isNamed(key.writer())) {
      // primitives, arrays, maps, unions: no class of their own; named types inside still map
      return new SpecificDatumReader<>(key.writer(), key.writer(), SpecificData.get());
    }
    Class<?> type = specificClass(key.writer());
    SpecificData model = SpecificData.getForClass(type);
    return new SpecificDatumReader<>(key.writer(), model.getSchema(type), model);
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private static Class<?> specificClass(Schema writer) {
    Class<?> type;
    try {
      type = SpecificData.get().getClass(writer);
    } catch (SecurityException e) {
      throw new SerializationException(
          "class "
              + writer.getFullName()
              + " is not trusted by Avro: list its package in "
              + AvroSerdeConfig.SPECIFIC_AVRO_TRUSTED_PACKAGES
              + " (or -Dorg.apache.avro.SERIALIZABLE_PACKAGES)",
          e);
    }
    if (type == null) {
      throw new SerializationException(
          "no generated class "
              + writer.getFullName()
              + " on the classpath for "
              + AvroSerdeConfig.SPECIFIC_AVRO_READER
              + "=true");
    }
    return type;
  }
}
