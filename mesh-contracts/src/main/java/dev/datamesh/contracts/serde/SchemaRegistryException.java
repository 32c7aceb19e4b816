package dev.datamesh.contracts.serde;

/**
 * A schema registry call failed. Carries the HTTP status and the registry's {@code error_code} from
 * its {@code {error_code, message}} body (e.g. 404/40403 schema not found, 409 incompatible,
 * 422/42201 invalid schema).
 *
 * <p>When no HTTP response arrived (connection refused, timeout, interrupted) the status is {@link
 * #NO_RESPONSE}; when the error body is not the registry's JSON, the error code is {@link
 * #UNPARSABLE_ERROR_BODY} (the value Confluent's client uses for the same case); when the answer
 * was 200 but unusable, it is {@link #UNUSABLE_SCHEMA}.
 */
public final class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@link #httpStatus()} when the registry could not be reached or did not answer in time. */
  public static final int NO_RESPONSE = 0;

  /** {@link #errorCode()} when the error response had no {@code error_code}. */
  public static final int UNPARSABLE_ERROR_BODY = 50005;

  /**
   * {@link #errorCode()} when the registry answered 200 but the schema cannot be used here: not
   * Avro, with references, unparsable, or a response without the expected fields.
   */
  public static final int UNUSABLE_SCHEMA = -1;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, null);
  }

  public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message + " (HTTP " + httpStatus + ", error code " + errorCode + ")", cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code} (e.g. 40403), or {@link #UNPARSABLE_ERROR_BODY}. */
  public int errorCode() {
    return errorCode;
  }

  /** True for "subject, version or schema not found" (HTTP 404). */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
