package dev.datamesh.quality.streams;

/**
 * The result of one quality check of one product at one moment.
 *
 * @param check stable check name ({@code freshness}, {@code completeness/<rule>}, ...)
 * @param kind completeness, validity, uniqueness, volume, latency or freshness
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param passing whether the check passes
 * @param observed what was measured, human-readable
 * @param expected the threshold, human-readable
 * @param windowStart start of the window (ms), or -1 for wall-clock checks
 * @param windowEnd end of the window (ms), or -1
 */
record CheckOutcome(
    String check,
    String kind,
    String severity,
    boolean passing,
    String observed,
    String expected,
    long windowStart,
    long windowEnd) {

  String summary(String productId) {
    return productId
        + " "
        + check
        + (passing ? " passes" : " fails")
        + ": observed "
        + observed
        + ", expected "
        + expected;
  }
}
