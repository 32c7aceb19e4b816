package dev.datamesh.contracts;

import java.util.Optional;

/** The ODCS logical types of a property ({@code logicalType}). */
public enum LogicalType {
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  DATE("date"),
  TIMESTAMP("timestamp"),
  TIME("time"),
  ARRAY("array"),
  OBJECT("object");

  private final String odcsValue;

  LogicalType(String odcsValue) {
    this.odcsValue = odcsValue;
  }

  /** Exact (case-sensitive, as in the ODCS schema) parse; empty for unknown text. */
  public static Optional<LogicalType> parse(String text) {
    for (LogicalType type : values()) {
      if (type.odcsValue.equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The value as written in a contract. */
  public String odcsValue() {
    return odcsValue;
  }

  /** True for types whose values compare as numbers (integer, number). */
  public boolean numeric() {
    return this == INTEGER || this == NUMBER;
  }
}
