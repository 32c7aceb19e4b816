package dev.datamesh.lineage;

/**
 * Why the catalog API refused a request: the HTTP status and the stable {@code error_code} of the
 * JSON body {@code {error_code, message}}. Codes are only ever added.
 */
public enum LineageErrorCode {
  /** A query parameter has a value the API does not accept. */
  BAD_REQUEST(400, 40000),
  /** The path's product id is not {@code <domain>.<product>} in lower-case kebab segments. */
  PRODUCT_ID_INVALID(400, 40001),
  /** {@code status} is not healthy, degraded, failing, stale or unknown. */
  STATUS_FILTER_INVALID(400, 40002),
  /** No such API path. */
  NOT_FOUND(404, 40400),
  /** The catalog has no product with this id (never registered, or its contract was removed). */
  PRODUCT_NOT_FOUND(404, 40401),
  /** The path exists, but not for this HTTP method. */
  METHOD_NOT_ALLOWED(405, 40500);

  private final int status;
  private final int code;

  LineageErrorCode(int status, int code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }
}
