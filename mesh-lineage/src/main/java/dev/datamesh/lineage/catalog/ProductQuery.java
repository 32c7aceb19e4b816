package dev.datamesh.lineage.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog search; every part is optional and all given parts must match.
 *
 * @param text words searched (case-insensitive substring) in id, name, description, owner and tags
 * @param domain exact domain
 * @param owner exact owning team (case-insensitive)
 * @param tag exact tag (case-insensitive)
 * @param status the product's badge
 */
public record ProductQuery(
    Optional<String> text,
    Optional<String> domain,
    Optional<String> owner,
    Optional<String> tag,
    Optional<ProductStatus> status) {

  public ProductQuery {
    text = normalise(text);
    domain = normalise(domain);
    owner = normalise(owner);
    tag = normalise(tag);
    Objects.requireNonNull(status, "status");
  }

  /** Matches every product. */
  public static ProductQuery all() {
    return new ProductQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Optional<String> normalise(Optional<String> value) {
    return value.map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
  }
}
