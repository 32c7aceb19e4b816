package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.ContractViolation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * A JSON event checked against a contract: the Avro record (of the contract's value schema) if the
 * event is valid, otherwise every violation (JSON Pointers into the event).
 */
public record JsonEventResult(Optional<GenericRecord> record, List<ContractViolation> violations) {

  public JsonEventResult {
    Objects.requireNonNull(record, "record");
    violations = List.copyOf(violations);
    if (record.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("a record exactly when there are no violations");
    }
  }

  /** True if the event is valid. */
  public boolean valid() {
    return record.isPresent();
  }
}
