package dev.datamesh.gateway;

/**
 * Why a raw record was dead-lettered. The {@link #name()} is the stable value of the {@code
 * mesh.error.code} header; operators and tools match on it, so codes are only ever added.
 */
public enum GatewayErrorCode {
  /**
   * The record's value is null (a tombstone) and the product's certified topic is not compacted.
   */
  TOMBSTONE_NOT_ALLOWED,
  /** The record is larger than the gateway's configured maximum. */
  OVERSIZED,
  /** The first byte is not the Confluent wire-format magic byte {@code 0x00}. */
  BAD_MAGIC_BYTE,
  /** Too short to hold the magic byte and the 4-byte schema id. */
  TRUNCATED,
  /** The schema id is not known to the registry. */
  UNKNOWN_SCHEMA_ID,
  /** The schema id exists but is not a registered version of this product's raw subject. */
  SCHEMA_NOT_OF_PRODUCT,
  /** The payload does not decode with its writer schema (truncated, trailing or corrupt bytes). */
  UNDECODABLE_PAYLOAD,
  /** A per-record contract rule failed ({@code mesh.error.field} says where). */
  RULE_VIOLATION,
  /** A classified field could not be masked as the contract demands. */
  MASKING_FAILED,
  /** The product's certifier failed on this record (a bug); the record is kept here for redrive. */
  INTERNAL_ERROR
}
