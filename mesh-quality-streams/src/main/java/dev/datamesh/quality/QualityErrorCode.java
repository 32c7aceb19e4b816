package dev.datamesh.quality;

/** Stable error codes of the quality service's HTTP API ({@code {error_code, message}}). */
public enum QualityErrorCode {
  /** The path's product id is not {@code <domain>.<product>} in lower-case kebab case. */
  PRODUCT_ID_INVALID,
  /** No health is known for the product (no contract, or not checked yet). */
  PRODUCT_UNKNOWN,
  /** The streams application is not running (starting, rebalancing its stores, or failed). */
  QUALITY_UNAVAILABLE
}
