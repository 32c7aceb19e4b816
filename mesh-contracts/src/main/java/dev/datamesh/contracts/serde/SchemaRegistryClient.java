package dev.datamesh.contracts.serde;

import java.util.UUID;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry calls a serde needs, with caching.
 *
 * <p>Caching contract of {@link #create}: a schema id (or GUID) is fetched once and kept (ids are
 * immutable), and concurrent first calls for the same id share one HTTP request; subject + schema →
 * id is kept after a successful {@link #register} or {@link #lookup}; {@link #latest} is kept for a
 * configured time-to-live; parsed {@link Schema} objects are shared. Every cache is bounded.
 * Failures are not cached: the next call asks again.
 *
 * <p>Thread-safe. Every method throws {@link SchemaRegistryException} when the registry answers
 * with an error or cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** An HTTP client over {@code java.net.http} with the caches described above. */
  static SchemaRegistryClient create(SchemaRegistryClientConfig config) {
    return new CachingSchemaRegistryClient(new RegistryHttpTransport(config), config);
  }

  /** The schema with this global id ({@code GET /schemas/ids/{id}}). */
  Schema getById(int id);

  /** The schema with this GUID ({@code GET /schemas/guids/{guid}}, Confluent Platform 8+). */
  Schema getByGuid(UUID guid);

  /**
   * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
   * returns its global id; idempotent on the registry side.
   */
  int register(String subject, Schema schema);

  /**
   * Finds {@code schema} among the versions of {@code subject} ({@code POST /subjects/{subject}});
   * 404 (40401 / 40403) when it is not registered there.
   */
  SchemaVersion lookup(String subject, Schema schema);

  /** The latest version of {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
  SchemaVersion latest(String subject);

  /** Releases the client's resources; cached values are dropped. */
  @Override
  void close();
}
