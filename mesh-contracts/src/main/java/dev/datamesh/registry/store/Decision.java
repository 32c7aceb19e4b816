package dev.datamesh.registry.store;

import java.util.List;

/**
 * What a write decided against the current state: the facts to append (possibly none) and the
 * answer to give once they are applied.
 *
 * @param facts appended in one transaction, in this order
 * @param result returned to the caller after the facts are applied locally
 */
public record Decision<T>(List<Fact> facts, T result) {

  public Decision {
    facts = List.copyOf(facts);
  }

  /** A decision that appends nothing (a refusal, or an idempotent repeat). */
  public static <T> Decision<T> answer(T result) {
    return new Decision<>(List.of(), result);
  }
}
