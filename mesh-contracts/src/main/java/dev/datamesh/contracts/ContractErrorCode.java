package dev.datamesh.contracts;

/**
 * Every error code of the contract area: loading a contract, the mesh profile of ODCS, Avro
 * schemas, governance policies and per-record rules. The string {@link #code()} is stable: it is
 * written to dead-letter headers ({@code mesh.error.code}), API error bodies and logs, so it never
 * changes once released, even if the constant is renamed.
 */
public enum ContractErrorCode {
  // --- reading the document
  /** The document is larger than the loader's size limit. */
  CONTRACT_TOO_LARGE("CONTRACT_TOO_LARGE"),
  /** The text is not well-formed YAML or JSON, is empty, or its root is not an object. */
  CONTRACT_MALFORMED("CONTRACT_MALFORMED"),
  /** The document breaks the official ODCS v3.1 JSON schema. */
  ODCS_SCHEMA_VIOLATION("ODCS_SCHEMA_VIOLATION"),

  // --- the mesh profile of ODCS
  /** {@code id} is blank. */
  CONTRACT_ID_INVALID("CONTRACT_ID_INVALID"),
  /** {@code domain} / {@code dataProduct} missing or not lower-case kebab segments. */
  PRODUCT_ID_INVALID("PRODUCT_ID_INVALID"),
  /** {@code version} is not a semantic version. */
  VERSION_INVALID("VERSION_INVALID"),
  /** {@code status} is not one of the known statuses. */
  STATUS_INVALID("STATUS_INVALID"),
  /** {@code schema} does not hold exactly one object with {@code physicalType: topic}. */
  TOPIC_SCHEMA_INVALID("TOPIC_SCHEMA_INVALID"),
  /** A property name is missing, duplicated or not a valid Avro name. */
  FIELD_NAME_INVALID("FIELD_NAME_INVALID"),
  /** A property's logical / physical type is missing, unknown or inconsistent. */
  FIELD_TYPE_INVALID("FIELD_TYPE_INVALID"),
  /** A per-record rule (logicalTypeOptions, validValues, pattern) cannot be applied. */
  RULE_INVALID("RULE_INVALID"),
  /** A quality rule is malformed (threshold, arguments, window). */
  QUALITY_RULE_INVALID("QUALITY_RULE_INVALID"),
  /** A quality rule type the mesh cannot enforce ({@code sql}, {@code custom}). */
  QUALITY_RULE_UNSUPPORTED("QUALITY_RULE_UNSUPPORTED"),
  /** An SLA property has an unusable value or unit. */
  SLA_INVALID("SLA_INVALID"),
  /** A Kafka-profile custom property has an unusable value. */
  KAFKA_PROFILE_INVALID("KAFKA_PROFILE_INVALID"),
  /** The {@code compatibility} custom property is not a Confluent compatibility level. */
  COMPATIBILITY_INVALID("COMPATIBILITY_INVALID"),
  /** The {@code masking} custom property of a property is not hash, redact or encrypt. */
  MASKING_INVALID("MASKING_INVALID"),

  // --- Avro
  /** The explicit Avro schema does not parse or is not a record. */
  AVRO_SCHEMA_INVALID("AVRO_SCHEMA_INVALID"),
  /** A contract property has no field in the explicit Avro schema. */
  AVRO_FIELD_MISSING("AVRO_FIELD_MISSING"),
  /** The explicit Avro schema has a field the contract does not declare. */
  AVRO_FIELD_UNDECLARED("AVRO_FIELD_UNDECLARED"),
  /** An Avro field's type does not agree with the property's logical type. */
  AVRO_TYPE_MISMATCH("AVRO_TYPE_MISMATCH"),
  /** An Avro field is nullable while the property is required, or the other way round. */
  AVRO_NULLABILITY_MISMATCH("AVRO_NULLABILITY_MISMATCH"),

  // --- governance policies (checked at registration)
  /** The product id breaks the council's naming rule. */
  POLICY_PRODUCT_ID_NAMING("POLICY_PRODUCT_ID_NAMING"),
  /** The contract has no owning team (or no member with the required role). */
  POLICY_OWNER_REQUIRED("POLICY_OWNER_REQUIRED"),
  /** The contract has too few support channels. */
  POLICY_SUPPORT_CHANNEL_REQUIRED("POLICY_SUPPORT_CHANNEL_REQUIRED"),
  /** A property has no (or a too short) description. */
  POLICY_PROPERTY_DESCRIPTION_REQUIRED("POLICY_PROPERTY_DESCRIPTION_REQUIRED"),
  /** A PII / restricted property has no (allowed) masking strategy. */
  POLICY_PII_MASKING_REQUIRED("POLICY_PII_MASKING_REQUIRED"),
  /** The compatibility mode is weaker than the council allows. */
  POLICY_COMPATIBILITY_TOO_WEAK("POLICY_COMPATIBILITY_TOO_WEAK"),
  /** The certified topic keeps data for a shorter time than the council requires. */
  POLICY_RETENTION_TOO_SHORT("POLICY_RETENTION_TOO_SHORT"),
  /** The contract declares no freshness SLA (or a too lax one). */
  POLICY_FRESHNESS_SLA_REQUIRED("POLICY_FRESHNESS_SLA_REQUIRED"),
  /** The policy file is not well-formed YAML. */
  POLICY_FILE_MALFORMED("POLICY_FILE_MALFORMED"),
  /** The policy file names an unknown rule or has an unusable parameter. */
  POLICY_FILE_INVALID("POLICY_FILE_INVALID"),

  // --- per-record rules (gateway, ingest API)
  /** A required field is absent or null. */
  RECORD_REQUIRED_MISSING("RECORD_REQUIRED_MISSING"),
  /** A value is one of the contract's missing-value markers (e.g. "" or "n/a"). */
  RECORD_VALUE_MISSING("RECORD_VALUE_MISSING"),
  /** A value is not one of the contract's valid values. */
  RECORD_VALUE_NOT_ALLOWED("RECORD_VALUE_NOT_ALLOWED"),
  /** A string does not match the contract's pattern. */
  RECORD_PATTERN_MISMATCH("RECORD_PATTERN_MISMATCH"),
  /** A number is below the minimum or above the maximum. */
  RECORD_OUT_OF_RANGE("RECORD_OUT_OF_RANGE"),
  /** A string is shorter than minLength or longer than maxLength. */
  RECORD_LENGTH_OUT_OF_RANGE("RECORD_LENGTH_OUT_OF_RANGE"),
  /** A JSON value has the wrong type for the field (or the event is not an object). */
  RECORD_TYPE_MISMATCH("RECORD_TYPE_MISMATCH"),
  /** A JSON event has a field the contract does not declare (it would be lost in Avro). */
  RECORD_UNKNOWN_FIELD("RECORD_UNKNOWN_FIELD");

  private final String code;

  ContractErrorCode(String code) {
    this.code = code;
  }

  /** The stable external code. */
  public String code() {
    return code;
  }
}
