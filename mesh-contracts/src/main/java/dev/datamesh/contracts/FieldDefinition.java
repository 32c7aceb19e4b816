package dev.datamesh.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One property of the product's record ({@code schema[0].properties[i]}, or nested in an object or
 * array property). Immutable.
 *
 * @param name the property (and Avro field) name
 * @param path JSON Pointer of the value within a record ({@code /customer/email})
 * @param source JSON Pointer of the property in the contract document
 * @param physicalType the Avro-level type if the contract gives one ({@code int}, {@code
 *     decimal(10,2)}, {@code enum}, ...)
 * @param format {@code logicalTypeOptions.format} ({@code uuid}, {@code email}, ...)
 * @param classification e.g. {@code pii}, {@code restricted}, {@code public}
 * @param masking how the gateway masks the value ({@code customProperties: masking})
 * @param description the property's description, empty if none
 * @param examples the ODCS examples as plain Java values (String, Number, Boolean, List, Map)
 * @param rules the per-record rules on this field (not those of nested fields)
 * @param fields nested properties of an {@code object} property, else empty
 * @param items element definition of an {@code array} property
 */
public record FieldDefinition(
    String name,
    String path,
    String source,
    LogicalType logicalType,
    Optional<String> physicalType,
    Optional<String> format,
    boolean required,
    boolean unique,
    Optional<String> classification,
    Optional<MaskingStrategy> masking,
    String description,
    List<Object> examples,
    List<RecordRule> rules,
    List<FieldDefinition> fields,
    Optional<FieldDefinition> items) {

  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(logicalType, "logicalType");
    Objects.requireNonNull(physicalType, "physicalType");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(masking, "masking");
    Objects.requireNonNull(description, "description");
    examples = List.copyOf(examples);
    rules = List.copyOf(rules);
    fields = List.copyOf(fields);
    Objects.requireNonNull(items, "items");
  }

  /** True if the classification is one of {@code classes} (case-insensitive). */
  public boolean classifiedAs(Set<String> classes) {
    return classification.map(c -> classes.contains(c.toLowerCase(Locale.ROOT))).orElse(false);
  }

  /** True if the field carries personal or restricted data ({@code pii} or {@code restricted}). */
  public boolean sensitive() {
    return classifiedAs(Set.of("pii", "restricted"));
  }

  /** This field followed by all nested fields (of objects and array items), depth first. */
  public List<FieldDefinition> flatten() {
    List<FieldDefinition> all = new ArrayList<>();
    collect(this, all);
    return List.copyOf(all);
  }

  private static void collect(FieldDefinition field, List<FieldDefinition> sink) {
    sink.add(field);
    field.fields.forEach(f -> collect(f, sink));
    field.items.ifPresent(i -> i.fields.forEach(f -> collect(f, sink)));
  }
}
