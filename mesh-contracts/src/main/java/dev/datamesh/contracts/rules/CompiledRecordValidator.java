package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.LogicalType;
import dev.datamesh.contracts.RecordRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** A tree of precompiled checks mirroring the contract's (nested) records. */
final class CompiledRecordValidator implements RecordValidator {

  /** Classifications whose values may appear in messages. */
  private static final Set<String> SHOWABLE = Set.of("public", "internal");

  private final RecordCheck root;

  private CompiledRecordValidator(RecordCheck root) {
    this.root = root;
  }

  static CompiledRecordValidator compile(DataContract contract) {
    return new CompiledRecordValidator(recordCheck(contract.valueSchema(), contract.fields()));
  }

  @Override
  public Set<String> fieldsRead() {
    return root.fieldNames();
  }

  @Override
  public List<ContractViolation> validate(GenericRecord record) {
    List<ContractViolation> out = root.apply(record, null);
    return out == null ? List.of() : out; // the caller owns the list
  }

  private static RecordCheck recordCheck(Schema schema, List<FieldDefinition> fields) {
    List<FieldCheck> checks = new ArrayList<>();
    for (FieldDefinition field : fields) {
      Schema.Field avroField = schema.getField(field.name());
      if (avroField == null) {
        throw new IllegalStateException(
            "contract field " + field.path() + " is missing from its own Avro schema");
      }
      Schema type = nonNull(avroField.schema());
      boolean showValues =
          field
              .classification()
              .map(c -> SHOWABLE.contains(c.toLowerCase(Locale.ROOT)))
              .orElse(true);
      List<ValueCheck> valueChecks = new ArrayList<>();
      boolean required = false;
      for (RecordRule rule : field.rules()) {
        if (rule instanceof RecordRule.Required) {
          required = true;
        } else {
          valueChecks.add(ValueChecks.compile(rule, decimalScale(type), showValues));
        }
      }
      RecordCheck nested =
          field.logicalType() == LogicalType.OBJECT && type.getType() == Schema.Type.RECORD
              ? recordCheck(type, field.fields())
              : null;
      if (required || !valueChecks.isEmpty() || (nested != null && nested.hasChecks())) {
        checks.add(
            new FieldCheck(
                field.name(),
                avroField.pos(),
                field.path(),
                required,
                valueChecks.toArray(ValueCheck[]::new),
                nested));
      }
    }
    return new RecordCheck(schema, checks.toArray(FieldCheck[]::new));
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElse(schema);
  }

  private static int decimalScale(Schema type) {
    return type.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale() : -1;
  }

  /** The checks of one record level. */
  private static final class RecordCheck {
    private final Schema expected;
    private final FieldCheck[] fields;
    // Records usually come in a writer schema that equals the contract's but is another instance
    // (the registry's); looking fields up by name per record showed in the gateway's profile, so
    // the positions are resolved once per schema instance seen last.
    private volatile Positions last;

    private record Positions(Schema schema, int[] byCheck) {}

    RecordCheck(Schema expected, FieldCheck[] fields) {
      this.expected = expected;
      this.fields = fields;
      this.last = new Positions(expected, positionsIn(expected));
    }

    boolean hasChecks() {
      return fields.length > 0;
    }

    Set<String> fieldNames() {
      Set<String> names = new LinkedHashSet<>();
      for (FieldCheck f : fields) {
        names.add(f.name);
      }
      return Collections.unmodifiableSet(names);
    }

    List<ContractViolation> apply(GenericRecord record, List<ContractViolation> out) {
      int[] positions = positionsOf(record.getSchema());
      for (int i = 0; i < fields.length; i++) {
        int pos = positions[i];
        out = fields[i].apply(pos < 0 ? null : record.get(pos), out);
      }
      return out;
    }

    private int[] positionsOf(Schema actual) {
      Positions known = last;
      if (known.schema() != actual) {
        known = new Positions(actual, positionsIn(actual));
        last = known;
      }
      return known.byCheck();
    }

    /** Each check's field position in {@code schema}, or -1 where the schema lacks the field. */
    private int[] positionsIn(Schema schema) {
      int[] positions = new int[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Schema.Field f =
            schema == expected
                ? schema.getFields().get(fields[i].position)
                : schema.getField(fields[i].name);
        positions[i] = f == null ? -1 : f.pos();
      }
      return positions;
    }
  }

  /** The checks of one field. */
  private static final class FieldCheck {
    private final String name;
    private final int position;
    private final String path;
    private final boolean required;
    private final ValueCheck[] checks;
    private final RecordCheck nested;

    FieldCheck(
        String name,
        int position,
        String path,
        boolean required,
        ValueCheck[] checks,
        RecordCheck nested) {
      this.name = name;
      this.position = position;
      this.path = path;
      this.required = required;
      this.checks = checks;
      this.nested = nested;
    }

    List<ContractViolation> apply(Object value, List<ContractViolation> out) {
      if (value == null) {
        return required
            ? ValueCheck.add(
                out,
                new ContractViolation(
                    ContractErrorCode.RECORD_REQUIRED_MISSING,
                    path,
                    "required field '" + name + "' is missing or null"))
            : out;
      }
      for (ValueCheck check : checks) {
        out = check.check(value, out);
      }
      if (nested != null && value instanceof GenericRecord child) {
        out = nested.apply(child, out);
      }
      return out;
    }
  }
}
