package dev.datamesh.contracts.avro;

import dev.datamesh.contracts.ContractViolation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The outcome of deriving or checking a value schema: the schema if there are no violations,
 * otherwise the violations (pointers into the contract).
 */
public record AvroSchemaResult(Optional<Schema> schema, List<ContractViolation> violations) {

  public AvroSchemaResult {
    Objects.requireNonNull(schema, "schema");
    violations = List.copyOf(violations);
    if (schema.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("a schema exactly when there are no violations");
    }
  }

  static AvroSchemaResult of(Schema schema) {
    return new AvroSchemaResult(Optional.of(schema), List.of());
  }

  static AvroSchemaResult rejected(List<ContractViolation> violations) {
    return new AvroSchemaResult(Optional.empty(), violations);
  }

  /** True if a schema was produced. */
  public boolean valid() {
    return schema.isPresent();
  }
}
