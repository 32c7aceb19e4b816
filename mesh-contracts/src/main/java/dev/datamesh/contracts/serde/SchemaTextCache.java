package dev.datamesh.contracts.serde;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Parsed schemas by their JSON text, bounded, so that one text is parsed once and every caller
 * shares the same {@link Schema} instance (which also makes identity-keyed reader caches hit).
 * Thread-safe.
 */
final class SchemaTextCache {
  private final Cache<String, Schema> parsed;

  SchemaTextCache(int capacity) {
    this.parsed = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  /**
   * @throws SchemaRegistryException with {@link SchemaRegistryException#UNUSABLE_SCHEMA} if the
   *     text is not an Avro schema
   */
  Schema parse(String text) {
    return parsed.get(text, SchemaTextCache::parseNew);
  }

  private static Schema parseNew(String text) {
    try {
      // Registered schemas were validated on registration; reading must not reject old ones.
      return new Schema.Parser().setValidateDefaults(false).parse(text);
    } catch (SchemaParseException e) {
      throw CachingSchemaRegistryClient.unusable("not an Avro schema: " + e.getMessage());
    }
  }
}
