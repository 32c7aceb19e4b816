package dev.datamesh.registry.store;

/**
 * One version of a subject, as kept in the log under {@code version:<version>:<subject>}.
 *
 * @param subject the subject
 * @param version its version number, from 1
 * @param id the global id of its schema
 * @param deleted soft-deleted: hidden from listings, still resolvable by id
 * @param ts registration time (epoch millis, from the registering instance's clock)
 */
public record SubjectVersion(String subject, int version, int id, boolean deleted, long ts) {

  /** This version soft-deleted. */
  public SubjectVersion softDeleted() {
    return new SubjectVersion(subject, version, id, true, ts);
  }
}
