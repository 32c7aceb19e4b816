package dev.datamesh.contracts.serde;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The outcome of {@link WireFormat#unframe}: either the schema reference and where the Avro payload
 * lies, or why the bytes are not a framed record. A value, never an exception, so that a gateway
 * can dead-letter a record with a stable code and go on.
 */
public sealed interface UnframeResult {

  /**
   * A framed record. The payload is not copied: it is {@code payloadLength} bytes of {@code buffer}
   * from {@code payloadOffset}. The schema is identified by {@code schemaId} (prefix form, always
   * positive) or, in the GUID forms, by {@code schemaGuid} with {@code schemaId} 0.
   *
   * <p>{@code buffer} is the caller's array, shared, not copied; record equality compares it by
   * reference.
   */
  record Framed(int schemaId, UUID schemaGuid, byte[] buffer, int payloadOffset, int payloadLength)
      implements UnframeResult {

    /** True when the schema is referenced by GUID (header or {@code 0x01} prefix), not by id. */
    public boolean byGuid() {
      return schemaGuid != null;
    }

    /** A read-only view of the payload (no copy), positioned at its first byte. */
    public ByteBuffer payload() {
      return ByteBuffer.wrap(buffer, payloadOffset, payloadLength).slice().asReadOnlyBuffer();
    }
  }

  /** The bytes are not a framed record: a stable {@code error} code and a human message. */
  record Malformed(WireFormatError error, String message) implements UnframeResult {}
}
