package dev.datamesh.registry.schema;

import java.util.List;

/**
 * The outcome of a compatibility check.
 *
 * @param compatible whether the new schema may be registered
 * @param messages Confluent-style messages when it may not: one {@code {errorType:..,
 *     description:.., additionalInfo:..}} per incompatibility, then {@code {oldSchemaVersion: n}},
 *     {@code {oldSchema: '..'}} and {@code {validateFields: 'false', compatibility: 'LEVEL'}}
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

  public CompatibilityResult {
    messages = List.copyOf(messages);
  }

  /** The compatible result. */
  public static CompatibilityResult ok() {
    return new CompatibilityResult(true, List.of());
  }
}
