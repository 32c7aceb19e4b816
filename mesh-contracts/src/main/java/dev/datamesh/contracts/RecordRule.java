package dev.datamesh.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rule every single record must pass; the gateway dead-letters a record that breaks one. Each
 * rule names the field it checks by a JSON Pointer into the record ({@link #path()}, e.g. {@code
 * /customer/email}) and where it is written in the contract ({@link #source()}).
 *
 * <p>Where they come from: {@code required: true}; a property's {@code logicalTypeOptions}
 * (pattern, minLength/maxLength, minimum/maximum and their exclusive forms); and property-level
 * ODCS quality rules {@code nullValues}/{@code missingValues}/{@code invalidValues} with {@code
 * mustBe: 0} and severity error (see docs/CONTRACTS.md).
 */
public sealed interface RecordRule {

  /** JSON Pointer of the checked field within a record. */
  String path();

  /** JSON Pointer of the rule's origin in the contract document. */
  String source();

  /** The field must be present and not null. */
  record Required(String path, String source) implements RecordRule {
    public Required {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * The value must not be one of the markers that mean "missing" (compared with the value's text,
   * e.g. {@code ""} or {@code "n/a"}); null is checked by {@link Required}.
   */
  record NotMissing(String path, String source, List<String> markers) implements RecordRule {
    public NotMissing {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      markers = List.copyOf(markers);
    }
  }

  /** The value (compared as text) must be one of {@code values}; null passes. */
  record ValidValues(String path, String source, List<String> values) implements RecordRule {
    public ValidValues {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      values = List.copyOf(values);
    }
  }

  /**
   * The string must contain a match of {@code regex} (Java syntax, searched, not anchored, as in
   * JSON Schema; write {@code ^...$} to match the whole value); null passes.
   */
  record Pattern(String path, String source, String regex) implements RecordRule {
    public Pattern {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(regex, "regex");
    }
  }

  /** The number must lie within the bounds (each optional, each inclusive or exclusive). */
  record Range(
      String path,
      String source,
      Optional<BigDecimal> minimum,
      boolean minimumExclusive,
      Optional<BigDecimal> maximum,
      boolean maximumExclusive)
      implements RecordRule {
    public Range {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(maximum, "maximum");
    }
  }

  /** The string's length in Unicode code points must lie within the bounds (inclusive). */
  record Length(String path, String source, OptionalInt minLength, OptionalInt maxLength)
      implements RecordRule {
    public Length {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(minLength, "minLength");
      Objects.requireNonNull(maxLength, "maxLength");
    }
  }
}
