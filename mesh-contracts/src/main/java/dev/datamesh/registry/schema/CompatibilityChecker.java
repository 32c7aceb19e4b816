package dev.datamesh.registry.schema;

import java.util.List;
import org.apache.avro.Schema;

/**
 * Decides whether a new Avro schema may follow a subject's live versions under a {@link
 * CompatibilityLevel}, with Avro's {@code SchemaCompatibility} doing the reader/writer checks:
 * BACKWARD reads old data with the new schema, FORWARD reads new data with old schemas, FULL both;
 * non-transitive levels check the latest version only, transitive ones every live version (newest
 * first, stopping at the first incompatible one, as Confluent does). Stateless and thread-safe.
 */
public interface CompatibilityChecker {

  /**
   * Checks {@code candidate} against {@code previous} (oldest first).
   *
   * @return compatible, or incompatible with Confluent-formatted messages
   */
  CompatibilityResult check(
      CompatibilityLevel level, Schema candidate, List<PreviousSchema> previous);

  /** The checker based on {@code org.apache.avro.SchemaCompatibility}. */
  static CompatibilityChecker avro() {
    return new AvroCompatibilityChecker();
  }
}
