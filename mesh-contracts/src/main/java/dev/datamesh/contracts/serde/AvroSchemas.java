package dev.datamesh.contracts.serde;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a value to serialize, and encoding equivalence of two schemas. */
final class AvroSchemas {
  private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
  private static final Schema INT = Schema.create(Schema.Type.INT);
  private static final Schema LONG = Schema.create(Schema.Type.LONG);
  private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
  private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  // Identity-keyed: schemas in use are few and long-lived; fingerprinting costs microseconds.
  private static final Cache<Schema, Long> FINGERPRINTS =
      Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

  private AvroSchemas() {}

  /**
   * The schema a value is written with: a record's (or other container's) own schema, or the
   * primitive schema of a boxed primitive, string or {@code byte[]} (as Confluent's serializer
   * does).
   */
  static Schema of(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof CharSequence) {
      return STRING;
    }
    if (value instanceof Integer) {
      return INT;
    }
    if (value instanceof Long) {
      return LONG;
    }
    if (value instanceof byte[]) {
      return BYTES;
    }
    if (value instanceof Boolean) {
      return BOOLEAN;
    }
    if (value instanceof Double) {
      return DOUBLE;
    }
    if (value instanceof Float) {
      return FLOAT;
    }
    throw new SerializationException(
        "cannot serialize a "
            + value.getClass().getName()
            + " as Avro: give a GenericRecord, a SpecificRecord or an Avro primitive");
  }

  /**
   * True when both schemas give identical binary encodings: equal Parsing Canonical Forms, which
   * ignore docs, defaults, aliases and logical types.
   */
  static boolean sameEncoding(Schema a, Schema b) {
    return a == b || fingerprint(a) == fingerprint(b);
  }

  private static long fingerprint(Schema schema) {
    return FINGERPRINTS.get(schema, SchemaNormalization::parsingFingerprint64);
  }
}
