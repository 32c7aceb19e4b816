package dev.datamesh.contracts.avro;

import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.ProductId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a contract's properties into an Avro record schema, or checks an explicit Avro schema
 * against them. Stateless and thread-safe; errors are returned as violations, never thrown.
 *
 * <p>Mapping (see docs/CONTRACTS.md): string → string ({@code uuid} format → uuid, {@code
 * physicalType: enum} → enum of the valid values); integer → long ({@code int} / formats i8–i32,
 * u8, u16 → int); number → double ({@code float} / f32 → float, {@code decimal(p,s)} → bytes
 * decimal); boolean → boolean; date → int date; timestamp → long timestamp-millis ({@code
 * timestamp-micros} → micros); time → int time-millis ({@code time-micros} → long micros); array →
 * array of the items; object → nested record. A property that is not required becomes {@code
 * ["null", T]} with default null. Descriptions become docs.
 */
public interface AvroSchemaFactory {

  /** The shared instance. */
  static AvroSchemaFactory create() {
    return DerivingAvroSchemaFactory.INSTANCE;
  }

  /**
   * Derives the value schema of {@code product}: record {@link #recordName} in namespace {@link
   * #namespace}.
   */
  AvroSchemaResult derive(ProductId product, String doc, List<FieldDefinition> fields);

  /**
   * Parses {@code schemaJson} and checks it against {@code fields}: every property present, no
   * undeclared field, types agree with the logical types, required ⇔ not nullable.
   *
   * @param source JSON Pointer of the explicit schema in the contract (for parse errors and
   *     undeclared fields)
   */
  AvroSchemaResult check(String schemaJson, List<FieldDefinition> fields, String source);

  /** Valid Avro names: letters, digits, underscores, not starting with a digit. */
  Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The record name for a product: PascalCase of the product segment ({@code OrderPlaced}). */
  static String recordName(ProductId product) {
    return pascalCase(product.product());
  }

  /** The namespace for a product: the domain in snake case ({@code orders}). */
  static String namespace(ProductId product) {
    return snakeCase(product.domain());
  }

  /** {@code order-placed} / {@code order_placed} / {@code orderPlaced} → {@code OrderPlaced}. */
  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code order-placed} → {@code order_placed}; lower case. */
  static String snakeCase(String name) {
    return name.replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
