package dev.datamesh.contracts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.DataContract;

/**
 * Validates JSON events (the HTTP ingest API) against a contract and converts valid ones into Avro
 * records of the contract's value schema. Built once per contract version; thread-safe.
 *
 * <p>JSON mapping: strings for string/enum/uuid; integers for int/long; numbers for
 * float/double/decimal (a decimal may also be a string, and must fit precision and scale); ISO-8601
 * strings ({@code 2024-05-01}, {@code 2024-05-01T12:00:00Z}, {@code 12:30:00}) or epoch numbers for
 * date, timestamp and time; arrays; objects for nested records and maps. A field the contract does
 * not declare is a violation (Avro would drop it). Never throws on bad input.
 */
public interface JsonEventValidator {

  /** A validator for {@code contract}. */
  static JsonEventValidator forContract(DataContract contract) {
    return new ConvertingJsonEventValidator(contract);
  }

  /** Every violation of {@code event}, or its Avro record if there is none. */
  JsonEventResult validate(JsonNode event);
}
