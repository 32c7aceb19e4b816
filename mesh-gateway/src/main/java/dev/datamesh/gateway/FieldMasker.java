package dev.datamesh.gateway;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.MaskingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Masks a contract's classified fields in a decoded record, in place, before it is certified. Built
 * once per contract version; thread-safe (the crypto is per call).
 *
 * <p>Only string fields (top-level or inside nested records) can be masked: hashing and encryption
 * turn a value into text, and the certified record keeps the raw writer schema so consumers decode
 * it with the same id. Any other type is a {@link MaskingOutcome.Failed}.
 */
final class FieldMasker {
  private final List<MaskedField> fields;
  private final MaskingKeys keys;

  /** One field to mask: its path of field names and how. */
  record MaskedField(String pointer, List<String> path, MaskingStrategy strategy) {}

  /** The result of masking one record. */
  sealed interface MaskingOutcome {
    record Masked(int count) implements MaskingOutcome {}

    record Failed(String pointer, String reason) implements MaskingOutcome {}
  }

  private FieldMasker(List<MaskedField> fields, MaskingKeys keys) {
    this.fields = List.copyOf(fields);
    this.keys = keys;
  }

  static FieldMasker forContract(DataContract contract, MaskingKeys keys) {
    List<MaskedField> fields = new ArrayList<>();
    collect(contract.fields(), new ArrayList<>(), fields);
    return new FieldMasker(fields, keys);
  }

  static FieldMasker of(List<MaskedField> fields, MaskingKeys keys) {
    return new FieldMasker(fields, keys);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  List<MaskedField> fields() {
    return fields;
  }

  MaskingOutcome mask(GenericRecord record) {
    int count = 0;
    for (MaskedField field : fields) {
      GenericRecord parent = record;
      for (int i = 0; i < field.path().size() - 1 && parent != null; i++) {
        Object nested = parent.get(field.path().get(i));
        parent = nested instanceof GenericRecord r ? r : null;
      }
      String name = field.path().get(field.path().size() - 1);
      if (parent == null || parent.getSchema().getField(name) == null) {
        continue; // absent in this (older) writer schema or its parent is null: nothing to hide
      }
      Object value = parent.get(name);
      if (value == null) {
        continue;
      }
      if (!(value instanceof CharSequence text)) {
        return new MaskingOutcome.Failed(
            field.pointer(),
            "only string fields can be masked; found " + value.getClass().getSimpleName());
      }
      Schema fieldSchema = parent.getSchema().getField(name).schema();
      Optional<String> masked = apply(field, text.toString(), isNullable(fieldSchema));
      if (masked == null) {
        return new MaskingOutcome.Failed(
            field.pointer(),
            field.strategy().odcsValue() + " needs a key the gateway does not have");
      }
      parent.put(name, masked.orElse(null));
      count++;
    }
    return new MaskingOutcome.Masked(count);
  }

  /** Empty = null the field; null = cannot mask (missing key). */
  private Optional<String> apply(MaskedField field, String value, boolean nullable) {
    return switch (field.strategy()) {
      case HASH -> Optional.of(keys.hash(value));
      case REDACT -> nullable ? Optional.empty() : Optional.of(MaskingKeys.REDACTED);
      case ENCRYPT -> keys.canEncrypt() ? Optional.of(keys.encrypt(value, field.pointer())) : null;
    };
  }

  private static boolean isNullable(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
  }

  private static void collect(
      List<FieldDefinition> definitions, List<String> prefix, List<MaskedField> out) {
    for (FieldDefinition def : definitions) {
      List<String> path = new ArrayList<>(prefix);
      path.add(def.name());
      def.masking().ifPresent(m -> out.add(new MaskedField(def.path(), List.copyOf(path), m)));
      collect(def.fields(), path, out);
    }
  }
}
