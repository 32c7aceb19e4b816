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
 * stream of foreign ids does not hammer the registry. Thread-safe.
 */
final class ProductSchemaResolver {
  static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);

  private final SchemaRegistryClient registry;
  private final String rawSubject;
  private final Clock clock;
  private final ConcurrentHashMap<Integer, Resolution> cache = new ConcurrentHashMap<>();

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
    Resolution cached = cache.get(id);
    long now = clock.millis();
    if (cached instanceof Resolution.OfProduct
        || (cached instanceof Resolution.NotOfProduct n && n.until() > now)
        || (cached instanceof Resolution.Unknown u && u.until() > now)) {
      return cached;
    }
    Resolution fresh = fetch(id, now);
    cache.put(id, fresh);
    return fresh;
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
