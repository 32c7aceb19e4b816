package dev.datamesh.registry;

/**
 * Every error the registry answers with: HTTP status and Confluent {@code error_code}. The codes
 * are Confluent Schema Registry's where it has one; {@link #GOVERNANCE_VIOLATION} and the contracts
 * API's codes (ending in 60–62: {@code /contracts}, {@code /policies}) are the mesh's own.
 */
public enum RegistryErrorCode {
  MALFORMED_REQUEST(400, 400),
  UNAUTHORIZED(401, 401),
  FORBIDDEN(403, 40301),
  NOT_FOUND(404, 404),
  SUBJECT_NOT_FOUND(404, 40401),
  VERSION_NOT_FOUND(404, 40402),
  SCHEMA_NOT_FOUND(404, 40403),
  SUBJECT_SOFT_DELETED(404, 40404),
  SUBJECT_NOT_SOFT_DELETED(404, 40405),
  VERSION_SOFT_DELETED(404, 40406),
  VERSION_NOT_SOFT_DELETED(404, 40407),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
  SUBJECT_MODE_NOT_CONFIGURED(404, 40409),
  INCOMPATIBLE_SCHEMA(409, 409),
  UNPROCESSABLE_REQUEST(422, 422),
  INVALID_SCHEMA(422, 42201),
  INVALID_VERSION(422, 42202),
  INVALID_COMPATIBILITY_LEVEL(422, 42203),
  INVALID_MODE(422, 42204),
  OPERATION_NOT_PERMITTED(422, 42205),
  REFERENCE_EXISTS(422, 42206),
  ID_DOES_NOT_MATCH(422, 42207),
  INVALID_SUBJECT(422, 42208),
  SCHEMA_TOO_LARGE(422, 42209),
  INVALID_RULESET(422, 42210),
  /** A data product subject's schema breaks its contract or a council policy. */
  GOVERNANCE_VIOLATION(422, 42250),
  /** A contract or policy body that is empty or not well-formed YAML/JSON. */
  MALFORMED_CONTRACT(400, 40060),
  /** No contract registered for the product. */
  CONTRACT_NOT_FOUND(404, 40460),
  /** The product has no contract of that version. */
  CONTRACT_VERSION_NOT_FOUND(404, 40461),
  /** The consumer has never asked to subscribe to the product. */
  SUBSCRIPTION_NOT_FOUND(404, 40462),
  /** The new contract version's schema breaks its compatibility mode (same major version). */
  INCOMPATIBLE_CONTRACT(409, 40960),
  /** The version exists with other content, or is not newer than the latest. */
  CONTRACT_VERSION_CONFLICT(409, 40961),
  /** A replacement policy file's version is not newer than the policies in force. */
  POLICY_VERSION_CONFLICT(409, 40962),
  /** A revoked subscription cannot be approved; the consumer asks again. */
  SUBSCRIPTION_CONFLICT(409, 40963),
  /** A contract or policy body over {@code mesh.registry.contracts.max-bytes}. */
  CONTRACT_TOO_LARGE(413, 41360),
  /** The contract breaks ODCS, the mesh profile or a council policy (every violation listed). */
  INVALID_CONTRACT(422, 42260),
  /** A replacement policy file is invalid (every problem listed). */
  INVALID_POLICIES(422, 42261),
  /** A subscription request without a valid consumer domain. */
  INVALID_SUBSCRIPTION(422, 42262),
  STORE_ERROR(500, 50001),
  STORE_TIMEOUT(500, 50002),
  /** The product's topics could not be created; nothing was stored. */
  PROVISIONING_FAILED(500, 50060);

  private final int httpStatus;
  private final int errorCode;

  RegistryErrorCode(int httpStatus, int errorCode) {
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The Confluent {@code error_code}. */
  public int errorCode() {
    return errorCode;
  }

  /** An error with this code. */
  public RegistryError error(String message) {
    return new RegistryError(this, message);
  }
}
