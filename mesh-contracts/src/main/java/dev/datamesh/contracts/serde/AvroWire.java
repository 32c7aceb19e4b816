package dev.datamesh.contracts.serde;

import org.apache.avro.generic.GenericContainer;

/**
 * Encodes one Avro record in the Confluent wire format ({@code 0x00}, the 4-byte schema id, the
 * Avro binary) without a registry round trip, for code that already knows the schema id (the
 * gateway re-encoding a masked record, the ingest API, the demo and benchmark producers). Writers
 * are cached per schema and buffers reused per thread. Thread-safe.
 */
public final class AvroWire {
  private static final AvroDatumEncoder ENCODER = new AvroDatumEncoder(1000);

  private AvroWire() {}

  /** The framed bytes of {@code record}, written with its own schema under {@code schemaId}. */
  public static byte[] encode(int schemaId, GenericContainer record) {
    return ENCODER.encode(schemaId, record.getSchema(), record);
  }
}
