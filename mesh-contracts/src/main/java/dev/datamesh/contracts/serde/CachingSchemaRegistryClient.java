package dev.datamesh.contracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} over {@link RegistryHttpTransport} with bounded caches in which
 * concurrent first callers of one key share one request ({@link SharedLoadCache}).
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private static final String LOOKUP_QUERY = "?normalize=false&deleted=false";

  private final RegistryHttpTransport transport;
  private final SchemaTextCache schemas;
  private final SharedLoadCache<Integer, Schema> byId;
  private final SharedLoadCache<UUID, Schema> byGuid;
  private final SharedLoadCache<SubjectSchema, Integer> registered;
  private final SharedLoadCache<SubjectSchema, SchemaVersion> lookedUp;
  private final SharedLoadCache<String, SchemaVersion> latest;
  private final boolean latestCached;

  private record SubjectSchema(String subject, Schema schema) {}

  CachingSchemaRegistryClient(RegistryHttpTransport transport, SchemaRegistryClientConfig config) {
    this.transport = transport;
    int capacity = config.cacheCapacity();
    Duration latestTtl = config.latestCacheTtl();
    this.schemas = new SchemaTextCache(capacity);
    this.byId = new SharedLoadCache<>(capacity, null);
    this.byGuid = new SharedLoadCache<>(capacity, null);
    this.registered = new SharedLoadCache<>(capacity, null);
    this.lookedUp = new SharedLoadCache<>(capacity, null);
    this.latest = new SharedLoadCache<>(capacity, latestTtl.isNegative() ? null : latestTtl);
    this.latestCached = !latestTtl.isZero();
  }

  @Override
  public Schema getById(int id) {
    return await(byId.get(id, this::fetchById));
  }

  @Override
  public Schema getByGuid(UUID guid) {
    return await(byGuid.get(guid, this::fetchByGuid));
  }

  @Override
  public int register(String subject, Schema schema) {
    return await(registered.get(new SubjectSchema(subject, schema), this::postRegister));
  }

  @Override
  public SchemaVersion lookup(String subject, Schema schema) {
    return await(lookedUp.get(new SubjectSchema(subject, schema), this::postLookup));
  }

  @Override
  public SchemaVersion latest(String subject) {
    if (!latestCached) {
      return await(fetchLatest(subject));
    }
    return await(latest.get(subject, this::fetchLatest));
  }

  @Override
  public void close() {
    byId.clear();
    byGuid.clear();
    registered.clear();
    lookedUp.clear();
    latest.clear();
  }

  private CompletableFuture<Schema> fetchById(int id) {
    return transport.get("/schemas/ids/" + id).thenApply(this::schemaOf);
  }

  private CompletableFuture<Schema> fetchByGuid(UUID guid) {
    return transport.get("/schemas/guids/" + guid).thenApply(this::schemaOf);
  }

  private CompletableFuture<Integer> postRegister(SubjectSchema key) {
    String path = "/subjects/" + RegistryHttpTransport.segment(key.subject()) + "/versions";
    return transport
        .post(path, Map.of("schema", key.schema().toString()))
        .thenApply(
            response -> {
              int id = requiredInt(response, "id");
              remember(id, key.schema());
              return id;
            });
  }

  private CompletableFuture<SchemaVersion> postLookup(SubjectSchema key) {
    String path = "/subjects/" + RegistryHttpTransport.segment(key.subject()) + LOOKUP_QUERY;
    return transport
        .post(path, Map.of("schema", key.schema().toString()))
        .thenApply(response -> versionOf(key.subject(), response, key.schema()));
  }

  private CompletableFuture<SchemaVersion> fetchLatest(String subject) {
    String path = "/subjects/" + RegistryHttpTransport.segment(subject) + "/versions/latest";
    return transport.get(path).thenApply(response -> versionOf(subject, response, null));
  }

  private SchemaVersion versionOf(String subject, JsonNode response, Schema known) {
    Schema schema = response.hasNonNull("schema") ? schemaOf(response) : known;
    if (schema == null) {
      throw unusable("the response has no schema");
    }
    int id = requiredInt(response, "id");
    remember(id, schema);
    return new SchemaVersion(
        response.path("subject").asText(subject), id, response.path("version").asInt(0), schema);
  }

  private Schema schemaOf(JsonNode response) {
    String type = response.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw unusable("schema type " + type + " is not AVRO");
    }
    if (response.path("references").size() > 0) {
      throw unusable("schema references are not supported");
    }
    if (!response.hasNonNull("schema")) {
      throw unusable("the response has no schema");
    }
    return schemas.parse(response.get("schema").asText());
  }

  /** An id's schema never changes, so what we registered or read can answer later getById. */
  private void remember(int id, Schema schema) {
    byId.put(id, schema);
  }

  private static int requiredInt(JsonNode response, String field) {
    if (!response.path(field).canConvertToInt()) {
      throw unusable("the response has no integer '" + field + "'");
    }
    return response.get(field).asInt();
  }

  static SchemaRegistryException unusable(String message) {
    return new SchemaRegistryException(200, SchemaRegistryException.UNUSABLE_SCHEMA, message);
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          SchemaRegistryException.NO_RESPONSE,
          SchemaRegistryException.NO_RESPONSE,
          "interrupted while waiting for the registry",
          e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static RuntimeException unwrap(Throwable cause) {
    Throwable inner = cause;
    while (inner instanceof CompletionException && inner.getCause() != null) {
      inner = inner.getCause();
    }
    if (inner instanceof SchemaRegistryException e) {
      return e;
    }
    return inner instanceof RuntimeException r
        ? r
        : new SchemaRegistryException(
            SchemaRegistryException.NO_RESPONSE,
            SchemaRegistryException.NO_RESPONSE,
            "registry call failed: " + inner,
            inner);
  }
}
