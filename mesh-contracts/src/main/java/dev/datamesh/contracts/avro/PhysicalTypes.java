package dev.datamesh.contracts.avro;

import dev.datamesh.contracts.LogicalType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code physicalType} values a topic property may have: Avro type names that refine the
 * logical type. Stateless.
 */
public interface PhysicalTypes {

  /** {@code decimal(precision)} or {@code decimal(precision, scale)}. */
  Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d{1,3})\\s*(?:,\\s*(\\d{1,3})\\s*)?\\)");

  /** Allowed physical types per logical type ({@code decimal(p,s)} is matched by pattern). */
  Map<LogicalType, List<String>> ALLOWED =
      Map.of(
          LogicalType.STRING, List.of("string", "uuid", "enum"),
          LogicalType.INTEGER, List.of("int", "long"),
          LogicalType.NUMBER, List.of("float", "double", "decimal(p,s)"),
          LogicalType.BOOLEAN, List.of("boolean"),
          LogicalType.DATE, List.of("date"),
          LogicalType.TIMESTAMP, List.of("timestamp", "timestamp-millis", "timestamp-micros"),
          LogicalType.TIME, List.of("time-millis", "time-micros"),
          LogicalType.ARRAY, List.of("array"),
          LogicalType.OBJECT, List.of("object", "record"));

  /** Precision and scale of a decimal physical type. */
  record Decimal(int precision, int scale) {}

  /** Parses {@code decimal(p,s)}; empty if {@code physicalType} is not one. */
  static Optional<Decimal> decimal(String physicalType) {
    Matcher m = DECIMAL.matcher(physicalType.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int precision = Integer.parseInt(m.group(1));
    int scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return Optional.of(new Decimal(precision, scale));
  }

  /** Why {@code physicalType} does not fit {@code logicalType}; empty if it fits. */
  static Optional<String> problem(LogicalType logicalType, String physicalType) {
    String physical = physicalType.trim();
    if (logicalType == LogicalType.NUMBER && physical.startsWith("decimal")) {
      Optional<Decimal> decimal = decimal(physical);
      if (decimal.isEmpty()) {
        return Optional.of("'" + physical + "' is not decimal(precision, scale)");
      }
      Decimal d = decimal.get();
      if (d.precision() < 1 || d.scale() > d.precision()) {
        return Optional.of("decimal needs precision >= 1 and scale <= precision");
      }
      return Optional.empty();
    }
    List<String> allowed = ALLOWED.get(logicalType);
    if (allowed.contains(physical)) {
      return Optional.empty();
    }
    return Optional.of(
        "physicalType '"
            + physical
            + "' does not fit logicalType '"
            + logicalType.odcsValue()
            + "'; allowed: "
            + allowed);
  }
}
