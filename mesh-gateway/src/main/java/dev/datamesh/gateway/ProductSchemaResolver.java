package dev.datamesh.gateway;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Answers "is schema id N a registered version of this product's raw subject, and what is it?"
 * through the registry client. Positive answers are kept for good (an id never changes); negative
 * ones for {@link #NEGATIVE_TTL}, so a schema registered a moment later is accepted soon, and a
 * stream of foreign ids does not hammer the registry. Negative answers are capped at {@link
 * #MAX_NEGATIVE} entries: a raw topic fed distinct made-up ids must not grow the gateway's memory
 * without bound. Thread-safe.
 */
final class ProductSchemaResolver {
  static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);
  static final int MAX_NEGATIVE = 10_000;

  private final SchemaRegistryClient registry;
  private final String rawSubject;
  private final Clock clock;
  private final ConcurrentHashMap<Integer, Resolution> known = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Resolution> negative = new ConcurrentHashMap<>();

  /** What an id turned out to be. */
  sealed interface Resolution {
    record OfProduct(Schema schema) implements Resolution {}

    record NotOfProduct(long until) implements Resolution {}

    record Unknown(long until) implements Resolution {}
  }

  ProductSchemaResolver(SchemaRegistryClient registry, String rawSubject, Clock clock) {
    this.registry = registry;
    this.rawSubject = rawSubject;
    this.clock = clock;
  }

  /**
   * Resolves {@code id}.
   *
   * @throws CertificationUnavailableException when the registry cannot answer now
   */
  Resolution resolve(int id) {
    Resolution ofProduct = known.get(id);
    if (ofProduct != null) {
      return ofProduct;
    }
    long now = clock.millis();
    Resolution cached = negative.get(id);
    if (cached != null && until(cached) > now) {
      return cached;
    }
    Resolution fresh = fetch(id, now);
    if (fresh instanceof Resolution.OfProduct) {
      known.put(id, fresh);
      negative.remove(id);
    } else {
      if (negative.size() >= MAX_NEGATIVE) {
        negative.values().removeIf(r -> until(r) <= now);
        if (negative.size() >= MAX_NEGATIVE) {
          negative.clear(); // costs a few registry look-ups, never memory
        }
      }
      negative.put(id, fresh);
    }
    return fresh;
  }

  /** How many answers are cached (for tests). */
  int cachedAnswers() {
    return known.size() + negative.size();
  }

  private static long until(Resolution r) {
    if (r instanceof Resolution.NotOfProduct n) {
      return n.until();
    }
    return r instanceof Resolution.Unknown u ? u.until() : Long.MAX_VALUE;
  }

  private Resolution fetch(int id, long now) {
    long until = now + NEGATIVE_TTL.toMillis();
    Schema schema;
    try {
      schema = registry.getById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return new Resolution.Unknown(until);
      }
      throw new CertificationUnavailableException("registry unavailable resolving id " + id, e);
    }
    try {
      registry.lookup(rawSubject, schema);
      return new Resolution.OfProduct(schema);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return new Resolution.NotOfProduct(until);
      }
      throw new CertificationUnavailableException(
          "registry unavailable looking up " + rawSubject, e);
    }
  }
}
