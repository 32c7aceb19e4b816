package dev.datamesh.contracts;

import java.util.Objects;

/** The ODCS {@code description} object; absent parts are empty strings. */
public record ContractDescription(String purpose, String usage, String limitations) {

  public ContractDescription {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(limitations, "limitations");
  }

  /** A description with no text. */
  public static ContractDescription empty() {
    return new ContractDescription("", "", "");
  }

  /** True if no part has text. */
  public boolean isBlank() {
    return purpose.isBlank() && usage.isBlank() && limitations.isBlank();
  }
}
