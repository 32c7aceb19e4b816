package dev.datamesh.contracts.serde;

/**
 * Why bytes are not a Confluent-framed record. The constant names are stable codes: the gateway
 * writes them to dead-letter headers, so never rename one.
 */
public enum WireFormatError {
  /** No bytes at all (null or zero length) where a framed record was expected. */
  EMPTY,
  /** Fewer bytes than the header needs (5 for an id prefix, 17 for a GUID prefix). */
  TRUNCATED,
  /** The first byte is neither {@code 0x00} (schema id) nor {@code 0x01} (schema GUID). */
  BAD_MAGIC_BYTE,
  /** The schema id is zero or negative; registries only assign positive ids. */
  INVALID_SCHEMA_ID,
  /** A {@code __value_schema_id}/{@code __key_schema_id} header is present but malformed. */
  BAD_SCHEMA_ID_HEADER
}
