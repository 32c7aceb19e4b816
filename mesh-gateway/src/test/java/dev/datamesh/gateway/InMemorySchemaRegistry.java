package dev.datamesh.gateway;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryException;
import dev.datamesh.contracts.serde.SchemaVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** A registry in memory for unit tests of code that uses {@link SchemaRegistryClient}. */
final class InMemorySchemaRegistry implements SchemaRegistryClient {
  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<String, Map<Schema, Integer>> subjects = new HashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  volatile boolean down;

  synchronized int add(String subject, Schema schema) {
    Integer existing =
        byId.entrySet().stream()
            .filter(e -> e.getValue().equals(schema))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    int id = existing != null ? existing : nextId.getAndIncrement();
    byId.put(id, schema);
    subjects.computeIfAbsent(subject, s -> new HashMap<>()).put(schema, id);
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    failIfDown();
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public Schema getByGuid(UUID guid) {
    throw new SchemaRegistryException(404, 40403, "no GUIDs here");
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    failIfDown();
    return add(subject, schema);
  }

  @Override
  public synchronized SchemaVersion lookup(String subject, Schema schema) {
    failIfDown();
    Integer id = subjects.getOrDefault(subject, Map.of()).get(schema);
    if (id == null) {
      throw new SchemaRegistryException(404, 40403, "Schema not found under " + subject);
    }
    return new SchemaVersion(subject, id, 1, schema);
  }

  @Override
  public SchemaVersion latest(String subject) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}

  private void failIfDown() {
    if (down) {
      throw new SchemaRegistryException(0, -1, "registry unreachable");
    }
  }
}
