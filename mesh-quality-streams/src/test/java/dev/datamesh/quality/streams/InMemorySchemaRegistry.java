package dev.datamesh.quality.streams;

import dev.datamesh.contracts.serde.SchemaRegistryClient;
import dev.datamesh.contracts.serde.SchemaRegistryException;
import dev.datamesh.contracts.serde.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;

/** A schema registry in memory, for topology tests. Thread-safe (synchronized). */
final class InMemorySchemaRegistry implements SchemaRegistryClient {
  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();

  @Override
  public synchronized Schema getById(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public Schema getByGuid(UUID guid) {
    throw new SchemaRegistryException(404, 40403, "no GUIDs here");
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    for (Map.Entry<Integer, Schema> e : byId.entrySet()) {
      if (e.getValue().equals(schema)) {
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(e.getKey());
        return e.getKey();
      }
    }
    int id = byId.size() + 1;
    byId.put(id, schema);
    subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized SchemaVersion lookup(String subject, Schema schema) {
    List<Integer> ids = subjects.getOrDefault(subject, List.of());
    for (int i = 0; i < ids.size(); i++) {
      if (byId.get(ids.get(i)).equals(schema)) {
        return new SchemaVersion(subject, ids.get(i), i + 1, schema);
      }
    }
    throw new SchemaRegistryException(404, 40403, "schema not under " + subject);
  }

  @Override
  public synchronized SchemaVersion latest(String subject) {
    List<Integer> ids = subjects.get(subject);
    if (ids == null || ids.isEmpty()) {
      throw new SchemaRegistryException(404, 40401, "subject " + subject + " not found");
    }
    int id = ids.get(ids.size() - 1);
    return new SchemaVersion(subject, id, ids.size(), byId.get(id));
  }

  @Override
  public void close() {}
}
