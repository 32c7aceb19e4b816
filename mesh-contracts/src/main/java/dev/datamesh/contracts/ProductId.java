package dev.datamesh.contracts;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A data product id {@code <domain>.<product>}: two lower-case kebab segments, each starting with a
 * letter ({@code orders.order-placed}). Always valid once constructed; immutable.
 *
 * <p>In a contract it is {@code domain + "." + dataProduct} (see docs/CONTRACTS.md).
 */
public record ProductId(String domain, String product) {

  /** One segment: lower-case letters and digits in dash-separated words, starting with a letter. */
  public static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  /** Longest accepted segment; keeps topic and subject names well below Kafka's 249. */
  public static final int MAX_SEGMENT_LENGTH = 80;

  /**
   * @throws IllegalArgumentException if a segment is not lower-case kebab (callers with untrusted
   *     input use {@link #parse(String)} or {@link #isValidSegment(String)} first)
   */
  public ProductId {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(product, "product");
    if (!isValidSegment(domain) || !isValidSegment(product)) {
      throw new IllegalArgumentException(
          "not a product id (lower-case kebab segments): '" + domain + "." + product + "'");
    }
  }

  /** True if {@code segment} can be a domain or product name. */
  public static boolean isValidSegment(String segment) {
    return segment != null
        && segment.length() <= MAX_SEGMENT_LENGTH
        && SEGMENT.matcher(segment).matches();
  }

  /** Parses {@code <domain>.<product>}; empty if the text is not a valid product id. */
  public static Optional<ProductId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int dot = text.indexOf('.');
    if (dot < 0 || dot != text.lastIndexOf('.')) {
      return Optional.empty();
    }
    String domain = text.substring(0, dot);
    String product = text.substring(dot + 1);
    if (!isValidSegment(domain) || !isValidSegment(product)) {
      return Optional.empty();
    }
    return Optional.of(new ProductId(domain, product));
  }

  /** The topic and subject names of this product. */
  public ProductTopics topics() {
    return ProductTopics.of(this);
  }

  @Override
  public String toString() {
    return domain + "." + product;
  }
}
