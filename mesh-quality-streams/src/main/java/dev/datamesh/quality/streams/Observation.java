package dev.datamesh.quality.streams;

import java.util.List;
import java.util.Map;

/**
 * What the first stage learnt from one input record, re-keyed by product id so that one task sees
 * every record of a product. Small on purpose: it crosses the internal repartition topic.
 *
 * @param kind what the input record was
 * @param eventTime event time (ms); for {@link Kind#STATS} the gateway's newest certified event
 *     time, or -1
 * @param certifiedAt the {@code mesh.certified.at} header (ms), or -1 when absent
 * @param contractVersion the {@code mesh.contract.version} header, or null
 * @param nullFields JSON Pointers of the contract fields that were null or absent
 * @param violations names of the aggregate rules the record broke (null, missing, invalid values)
 * @param keys per duplicate definition ({@link RecordInspector#UNIQUE_KEY} or a duplicate rule's
 *     name), the record's key value
 * @param errorCode the dead letter's {@code mesh.error.code}
 */
record Observation(
    Kind kind,
    long eventTime,
    long certifiedAt,
    String contractVersion,
    List<String> nullFields,
    List<String> violations,
    Map<String, String> keys,
    String errorCode) {

  /** The kinds of input. */
  enum Kind {
    /** A decoded certified record. */
    CERTIFIED,
    /** A certified record that could not be decoded; counted, not inspected. */
    UNDECODABLE,
    /** A dead-lettered record. */
    DEAD_LETTER,
    /** A gateway stats event: the product is alive and this is its newest certified event time. */
    STATS,
    /** The product has a contract (announced periodically so silent products are known). */
    KNOWN
  }

  Observation {
    nullFields = nullFields == null ? List.of() : nullFields;
    violations = violations == null ? List.of() : violations;
    keys = keys == null ? Map.of() : keys;
  }

  static Observation deadLetter(long time, String errorCode) {
    return new Observation(Kind.DEAD_LETTER, time, -1, null, null, null, null, errorCode);
  }

  static Observation undecodable(long time, long certifiedAt, String version) {
    return new Observation(Kind.UNDECODABLE, time, certifiedAt, version, null, null, null, null);
  }

  static Observation stats(long newestEventTime) {
    return new Observation(Kind.STATS, newestEventTime, -1, null, null, null, null, null);
  }

  static Observation known() {
    return new Observation(Kind.KNOWN, -1, -1, null, null, null, null, null);
  }

  /** True for the kinds that carry data with an event time (and so move windows). */
  boolean isData() {
    return kind == Kind.CERTIFIED || kind == Kind.UNDECODABLE || kind == Kind.DEAD_LETTER;
  }
}
