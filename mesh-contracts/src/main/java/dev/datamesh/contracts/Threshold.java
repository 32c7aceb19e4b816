package dev.datamesh.contracts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The pass condition of a quality rule, one of ODCS's operators ({@code mustBe}, {@code
 * mustBeLessThan}, ...). {@code upper} is used by the two "between" operators only (the bounds are
 * inclusive, as in ODCS).
 */
public record Threshold(Operator operator, BigDecimal value, Optional<BigDecimal> upper) {

  /** The ODCS comparison operators. */
  public enum Operator {
    MUST_BE("mustBe"),
    MUST_NOT_BE("mustNotBe"),
    MUST_BE_GREATER_THAN("mustBeGreaterThan"),
    MUST_BE_GREATER_OR_EQUAL_TO("mustBeGreaterOrEqualTo"),
    MUST_BE_LESS_THAN("mustBeLessThan"),
    MUST_BE_LESS_OR_EQUAL_TO("mustBeLessOrEqualTo"),
    MUST_BE_BETWEEN("mustBeBetween"),
    MUST_NOT_BE_BETWEEN("mustNotBeBetween");

    private final String odcsValue;

    Operator(String odcsValue) {
      this.odcsValue = odcsValue;
    }

    /** The key as written in a contract ({@code mustBeLessThan}). */
    public String odcsValue() {
      return odcsValue;
    }

    /** True for the two operators that take a pair of bounds. */
    public boolean ranged() {
      return this == MUST_BE_BETWEEN || this == MUST_NOT_BE_BETWEEN;
    }
  }

  public Threshold {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(upper, "upper");
    if (operator.ranged() != upper.isPresent()) {
      throw new IllegalArgumentException(
          operator + " needs " + (operator.ranged() ? 2 : 1) + " bounds");
    }
  }

  /** A single-value threshold. */
  public static Threshold of(Operator operator, BigDecimal value) {
    return new Threshold(operator, value, Optional.empty());
  }

  /** True if the observed measurement meets the threshold. */
  public boolean isMetBy(BigDecimal observed) {
    int c = observed.compareTo(value);
    return switch (operator) {
      case MUST_BE -> c == 0;
      case MUST_NOT_BE -> c != 0;
      case MUST_BE_GREATER_THAN -> c > 0;
      case MUST_BE_GREATER_OR_EQUAL_TO -> c >= 0;
      case MUST_BE_LESS_THAN -> c < 0;
      case MUST_BE_LESS_OR_EQUAL_TO -> c <= 0;
      case MUST_BE_BETWEEN -> c >= 0 && observed.compareTo(upper.orElseThrow()) <= 0;
      case MUST_NOT_BE_BETWEEN -> c < 0 || observed.compareTo(upper.orElseThrow()) > 0;
    };
  }

  /** True if the threshold tolerates no occurrence at all ({@code mustBe: 0}). */
  public boolean zeroTolerance() {
    return operator == Operator.MUST_BE && value.signum() == 0;
  }

  @Override
  public String toString() {
    return operator.odcsValue()
        + " "
        + value.toPlainString()
        + upper.map(u -> ".." + u.toPlainString()).orElse("");
  }
}
