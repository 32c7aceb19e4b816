package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.RecordRule;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Compiles {@link RecordRule}s (other than Required) into {@link ValueCheck}s. */
final class ValueChecks {

  private ValueChecks() {}

  /**
   * @param decimalScale scale of a bytes/fixed decimal field, or -1
   * @param showValues whether messages may quote the value
   */
  static ValueCheck compile(RecordRule rule, int decimalScale, boolean showValues) {
    if (rule instanceof RecordRule.NotMissing r) {
      return new NotMissing(r, showValues);
    }
    if (rule instanceof RecordRule.ValidValues r) {
      return new ValidValues(r, showValues);
    }
    if (rule instanceof RecordRule.Pattern r) {
      return new Matches(r, showValues);
    }
    if (rule instanceof RecordRule.Range r) {
      return new Range(r, decimalScale, showValues);
    }
    if (rule instanceof RecordRule.Length r) {
      return new Length(r);
    }
    throw new IllegalArgumentException("not a value check: " + rule);
  }

  /** The value's text must not be one of the missing markers. */
  static final class NotMissing implements ValueCheck {
    private final String path;
    private final Set<String> markers;
    private final boolean showValues;

    NotMissing(RecordRule.NotMissing rule, boolean showValues) {
      this.path = rule.path();
      this.markers = Set.copyOf(rule.markers());
      this.showValues = showValues;
    }

    @Override
    public List<ContractViolation> check(Object value, List<ContractViolation> out) {
      String text = Values.text(value);
      if (text == null || !markers.contains(text)) {
        return out;
      }
      return ValueCheck.add(
          out,
          new ContractViolation(
              ContractErrorCode.RECORD_VALUE_MISSING,
              path,
              "value " + Values.shown(text, showValues) + " counts as missing"));
    }
  }

  /** The value (text, or integer) must be one of the valid values. */
  static final class ValidValues implements ValueCheck {
    private final String path;
    private final Set<String> texts;
    private final Set<Long> integers;
    private final String listed;
    private final boolean showValues;

    ValidValues(RecordRule.ValidValues rule, boolean showValues) {
      this.path = rule.path();
      this.texts = Set.copyOf(rule.values());
      Set<Long> numbers = new HashSet<>();
      for (String v : rule.values()) {
        try {
          numbers.add(Long.parseLong(v));
        } catch (NumberFormatException notAnInteger) {
          // a text value; only compared as text
        }
      }
      this.integers = Set.copyOf(numbers);
      this.listed = rule.values().toString();
      this.showValues = showValues;
    }

    @Override
    public List<ContractViolation> check(Object value, List<ContractViolation> out) {
      boolean valid;
      if (value instanceof Integer || value instanceof Long) {
        valid = integers.contains(((Number) value).longValue());
      } else {
        String text = Values.text(value);
        valid = text == null ? texts.contains(String.valueOf(value)) : texts.contains(text);
      }
      if (valid) {
        return out;
      }
      return ValueCheck.add(
          out,
          new ContractViolation(
              ContractErrorCode.RECORD_VALUE_NOT_ALLOWED,
              path,
              "value " + Values.shown(value, showValues) + " is not one of " + listed));
    }
  }

  /** The string must contain a match of the pattern. */
  static final class Matches implements ValueCheck {
    private final String path;
    private final Pattern pattern;
    private final boolean showValues;

    Matches(RecordRule.Pattern rule, boolean showValues) {
      this.path = rule.path();
      this.pattern = Pattern.compile(rule.regex());
      this.showValues = showValues;
    }

    @Override
    public List<ContractViolation> check(Object value, List<ContractViolation> out) {
      String text = Values.text(value);
      if (text == null || pattern.matcher(text).find()) {
        return out;
      }
      return ValueCheck.add(
          out,
          new ContractViolation(
              ContractErrorCode.RECORD_PATTERN_MISMATCH,
              path,
              "value " + Values.shown(text, showValues) + " does not match " + pattern.pattern()));
    }
  }

  /** A number within bounds. */
  static final class Range implements ValueCheck {
    private final String path;
    private final BigDecimal min;
    private final BigDecimal max;
    private final double minDouble;
    private final double maxDouble;
    private final boolean minExclusive;
    private final boolean maxExclusive;
    private final int decimalScale;
    private final boolean showValues;
    private final String bounds;
    // Bytes decimals compared as unscaled longs: no allocation on the hot path.
    private final UnscaledBounds unscaled;

    Range(RecordRule.Range rule, int decimalScale, boolean showValues) {
      this.path = rule.path();
      this.min = rule.minimum().orElse(null);
      this.max = rule.maximum().orElse(null);
      this.minDouble = rule.minimum().map(BigDecimal::doubleValue).orElse(Double.NEGATIVE_INFINITY);
      this.maxDouble = rule.maximum().map(BigDecimal::doubleValue).orElse(Double.POSITIVE_INFINITY);
      this.minExclusive = rule.minimumExclusive();
      this.maxExclusive = rule.maximumExclusive();
      this.decimalScale = decimalScale;
      this.showValues = showValues;
      this.bounds = describe(rule.minimum(), minExclusive, rule.maximum(), maxExclusive);
      this.unscaled = decimalScale < 0 ? null : UnscaledBounds.of(rule, decimalScale);
    }

    @Override
    public List<ContractViolation> check(Object value, List<ContractViolation> out) {
      boolean inRange;
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        inRange = inRange((double) ((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        inRange = inRange(((Number) value).doubleValue());
      } else if (value instanceof ByteBuffer buffer
          && unscaled != null
          && buffer.remaining() <= 8) {
        inRange = unscaled.contains(Values.unscaledLong(buffer));
      } else {
        BigDecimal decimal = Values.decimal(value, Math.max(decimalScale, 0));
        if (decimal == null) {
          return out; // not a number: the schema, not this rule, governs the type
        }
        inRange = inRange(decimal);
      }
      if (inRange) {
        return out;
      }
      return ValueCheck.add(
          out,
          new ContractViolation(
              ContractErrorCode.RECORD_OUT_OF_RANGE,
              path,
              "value " + Values.shown(value, showValues) + " is not " + bounds));
    }

    private boolean inRange(double x) {
      if (Double.isNaN(x)) {
        return false;
      }
      boolean aboveMin = minExclusive ? x > minDouble : x >= minDouble;
      boolean belowMax = maxExclusive ? x < maxDouble : x <= maxDouble;
      return aboveMin && belowMax;
    }

    private boolean inRange(BigDecimal x) {
      boolean aboveMin =
          min == null || (minExclusive ? x.compareTo(min) > 0 : x.compareTo(min) >= 0);
      boolean belowMax =
          max == null || (maxExclusive ? x.compareTo(max) < 0 : x.compareTo(max) <= 0);
      return aboveMin && belowMax;
    }

    private static String describe(
        Optional<BigDecimal> min,
        boolean minExclusive,
        Optional<BigDecimal> max,
        boolean maxExclusive) {
      String low = min.map(m -> (minExclusive ? "> " : ">= ") + m.toPlainString()).orElse("");
      String high = max.map(m -> (maxExclusive ? "< " : "<= ") + m.toPlainString()).orElse("");
      return low.isEmpty() ? high : high.isEmpty() ? low : low + " and " + high;
    }
  }

  /** A string's length in code points within bounds. */
  static final class Length implements ValueCheck {
    private final String path;
    private final int min;
    private final int max;

    Length(RecordRule.Length rule) {
      this.path = rule.path();
      this.min = rule.minLength().orElse(0);
      this.max = rule.maxLength().orElse(Integer.MAX_VALUE);
    }

    @Override
    public List<ContractViolation> check(Object value, List<ContractViolation> out) {
      String text = Values.text(value);
      if (text == null) {
        return out;
      }
      int length = text.codePointCount(0, text.length());
      if (length >= min && length <= max) {
        return out;
      }
      return ValueCheck.add(
          out,
          new ContractViolation(
              ContractErrorCode.RECORD_LENGTH_OUT_OF_RANGE,
              path,
              "length "
                  + length
                  + " is not within "
                  + min
                  + ".."
                  + (max == Integer.MAX_VALUE ? "" : String.valueOf(max))));
    }
  }

  /**
   * Range bounds of a decimal with a fixed scale as unscaled longs, so that a small decimal (at
   * most 8 bytes) is checked without allocation; null when a bound is not exact at that scale.
   */
  record UnscaledBounds(long min, boolean minExclusive, long max, boolean maxExclusive) {

    static UnscaledBounds of(RecordRule.Range rule, int scale) {
      Long min = rule.minimum().map(b -> exact(b, scale)).orElse(Long.MIN_VALUE);
      Long max = rule.maximum().map(b -> exact(b, scale)).orElse(Long.MAX_VALUE);
      if (min == null || max == null) {
        return null;
      }
      return new UnscaledBounds(
          min,
          rule.minimum().isPresent() && rule.minimumExclusive(),
          max,
          rule.maximum().isPresent() && rule.maximumExclusive());
    }

    private static Long exact(BigDecimal bound, int scale) {
      try {
        return bound.setScale(scale).unscaledValue().longValueExact();
      } catch (ArithmeticException notExactAtThisScale) {
        return null;
      }
    }

    boolean contains(long x) {
      return (minExclusive ? x > min : x >= min) && (maxExclusive ? x < max : x <= max);
    }
  }
}
