package dev.datamesh.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique, valid topic and product names so tests can share one broker without seeing each other's
 * records. Thread-safe.
 */
public final class TestTopics {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000L, 36);

  private TestTopics() {}

  /** {@code <prefix>-<run>-<n>}: unique within and across test JVMs on one cluster. */
  public static String unique(String prefix) {
    return sanitize(prefix) + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * A unique data product id {@code <domain>.<product>} with lower-case kebab segments, so {@code
   * <id>.raw}, {@code <id>.certified} and {@code <id>.dlq} are unique too.
   */
  public static String uniqueProduct(String domain, String product) {
    return sanitize(domain)
        + "."
        + sanitize(product)
        + "-"
        + RUN
        + "-"
        + SEQUENCE.incrementAndGet();
  }

  private static String sanitize(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    return lower.isEmpty() ? "t" : lower;
  }
}
