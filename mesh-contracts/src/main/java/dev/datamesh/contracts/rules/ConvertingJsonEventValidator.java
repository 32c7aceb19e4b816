package dev.datamesh.contracts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Converts the event first, then runs the record rules on the result. */
final class ConvertingJsonEventValidator implements JsonEventValidator {

  private final Schema schema;
  private final RecordValidator rules;

  ConvertingJsonEventValidator(DataContract contract) {
    this.schema = contract.valueSchema();
    this.rules = RecordValidator.forContract(contract);
  }

  @Override
  public JsonEventResult validate(JsonNode event) {
    if (event == null || !event.isObject()) {
      return new JsonEventResult(
          Optional.empty(),
          List.of(
              new ContractViolation(
                  ContractErrorCode.RECORD_TYPE_MISMATCH, "", "an event must be a JSON object")));
    }
    JsonToAvroConverter converter = new JsonToAvroConverter();
    GenericData.Record record = converter.record(event, schema, "");
    List<ContractViolation> violations = new ArrayList<>(converter.violations());
    for (ContractViolation violation : rules.validate(record)) {
      // A value that failed conversion is null in the record; don't report it twice.
      if (!converter.failedPaths().contains(violation.pointer())) {
        violations.add(violation);
      }
    }
    if (violations.isEmpty()) {
      return new JsonEventResult(Optional.of((GenericRecord) record), List.of());
    }
    return new JsonEventResult(Optional.empty(), violations);
  }
}
