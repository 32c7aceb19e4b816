package dev.datamesh.contracts.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject as the registry reports it: the global schema {@code id}, the {@code
 * version} within the subject (1, 2, …) and the parsed schema.
 */
public record SchemaVersion(String subject, int id, int version, Schema schema) {
  public SchemaVersion {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
