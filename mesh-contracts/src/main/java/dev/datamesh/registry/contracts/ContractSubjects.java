package dev.datamesh.registry.contracts;

/**
 * How contracts appear in the Confluent API. A contract's schema is registered under {@code
 * <id>.raw-value} and {@code <id>.certified-value} with the metadata property {@value
 * #MAJOR_PROPERTY} = the contract's major version, and both subjects get the contract's
 * compatibility level with {@code compatibilityGroup} = {@value #MAJOR_PROPERTY}: Confluent's own
 * way to allow a breaking change in a new major version while every version within a major stays
 * compatible (also for later Confluent-API registrations, which inherit the metadata).
 */
final class ContractSubjects {
  /** The metadata property that carries the contract's major version. */
  static final String MAJOR_PROPERTY = "mesh.contract.major";

  private ContractSubjects() {}
}
