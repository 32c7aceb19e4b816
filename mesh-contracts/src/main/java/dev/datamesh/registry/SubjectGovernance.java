package dev.datamesh.registry;

import java.util.List;

/**
 * The hook through which data product contracts and council policies take part in a Confluent API
 * registration: it is asked before a new schema version for a product's contract subject ({@code
 * <d>.<p>.raw-value} or {@code <d>.<p>.certified-value}) is appended to the registry log. A
 * non-empty answer refuses the registration with HTTP 422, listing every violation.
 *
 * <p>Not asked for idempotent re-registrations of an existing version, nor for subjects that belong
 * to no data product. Called on the registry's single writer thread while the registry state is
 * read-locked: implementations must be thread-safe, fast, and must not call back into the
 * registry's HTTP API. Throwing is a bug; refusals are values.
 *
 * <p>The default bean allows everything; a bean of this type elsewhere replaces it.
 */
public interface SubjectGovernance {

  /** Every reason to refuse {@code change}; empty to allow it. */
  List<GovernanceViolation> review(SchemaChange change);
}
