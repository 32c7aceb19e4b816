package dev.datamesh.lineage.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The badge of a product in the catalog, from its health verdict and freshness: {@code failing} if
 * the quality service says so, else {@code stale} if its freshness is stale, else {@code degraded}
 * or {@code healthy} from the health verdict (healthy also when only freshness is known and fresh),
 * else {@code unknown}.
 */
public enum ProductStatus {
  HEALTHY,
  DEGRADED,
  FAILING,
  STALE,
  UNKNOWN;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #json()} (any case); empty for anything else. */
  public static Optional<ProductStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (ProductStatus s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
