package dev.datamesh.contracts;

import java.util.Optional;

/** The ODCS {@code library} quality metrics. */
public enum QualityMetric {
  NULL_VALUES("nullValues"),
  MISSING_VALUES("missingValues"),
  INVALID_VALUES("invalidValues"),
  DUPLICATE_VALUES("duplicateValues"),
  ROW_COUNT("rowCount");

  private final String odcsValue;

  QualityMetric(String odcsValue) {
    this.odcsValue = odcsValue;
  }

  /** Exact parse of the ODCS name; empty for unknown text. */
  public static Optional<QualityMetric> parse(String text) {
    for (QualityMetric metric : values()) {
      if (metric.odcsValue.equals(text)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  /** The name as written in a contract ({@code nullValues}). */
  public String odcsValue() {
    return odcsValue;
  }
}
