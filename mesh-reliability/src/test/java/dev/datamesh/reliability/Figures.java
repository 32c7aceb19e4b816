package dev.datamesh.reliability;

/**
 * The one-line result of a reliability scenario, as docs/RELIABILITY.md lists it.
 *
 * @param duplicated records written more than once, plus records that were never produced
 */
record Figures(
    String scenario,
    long produced,
    long certified,
    long deadLettered,
    long lost,
    long duplicated,
    int restarts) {

  /** Prints the line ({@code RELIABILITY scenario=... produced=... ...}) and returns this. */
  Figures print() {
    System.out.println(line());
    return this;
  }

  String line() {
    return String.format(
        "RELIABILITY scenario=%s produced=%d certified=%d dead-lettered=%d lost=%d duplicated=%d"
            + " restarts=%d",
        scenario, produced, certified, deadLettered, lost, duplicated, restarts);
  }
}
