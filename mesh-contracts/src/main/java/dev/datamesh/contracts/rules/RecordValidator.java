package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * Checks records against a contract's per-record rules ({@link dev.datamesh.contracts.RecordRule}).
 * Built once per contract version; immutable, thread-safe and cheap per record: patterns are
 * precompiled, a record of the contract's own schema is read by field position, and a valid record
 * allocates nothing (the empty result is shared).
 *
 * <p>Values may be in Avro's generic representation ({@code Utf8}, {@code Long}, {@code ByteBuffer}
 * decimals, enum symbols) or converted ({@code String}, {@code BigDecimal}). A record written with
 * another (e.g. older) schema is read by field name; a field it lacks counts as null.
 */
public interface RecordValidator {

  /** A validator for {@code contract}'s rules. */
  static RecordValidator forContract(DataContract contract) {
    return CompiledRecordValidator.compile(contract);
  }

  /**
   * Every rule {@code record} breaks; empty if it passes. Pointers are JSON Pointers into the
   * record ({@code /customerEmail}); messages never show values of classified fields.
   */
  List<ContractViolation> validate(GenericRecord record);

  /**
   * The top-level fields whose values {@link #validate} reads (a nested record's rules count for
   * its top-level field); a record carrying only these fields is validated as the full record would
   * be. Lets a caller decode only what the rules need.
   */
  Set<String> fieldsRead();
}
