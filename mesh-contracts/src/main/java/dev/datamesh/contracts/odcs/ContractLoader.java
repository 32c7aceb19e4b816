package dev.datamesh.contracts.odcs;

import dev.datamesh.contracts.policy.GovernancePolicies;

/**
 * Loads an ODCS v3.1 contract (YAML or JSON) into a {@link dev.datamesh.contracts.DataContract}.
 * Stages, all of which run so that one call lists every problem: size limit and parsing; the
 * official ODCS JSON schema; the mesh profile (product id, topic schema, rules, SLAs, Kafka
 * profile, Avro schema); the governance policies, if given, on the contract as far as it could be
 * read.
 *
 * <p>Thread-safe and reusable. Never throws on bad input; every problem is a {@link
 * dev.datamesh.contracts.ContractViolation} in the result.
 */
public interface ContractLoader {

  /** Largest accepted contract document by default: 1 MiB of UTF-8. */
  int DEFAULT_MAX_BYTES = 1 << 20;

  /** A loader that checks ODCS and the mesh profile but no governance policies. */
  static ContractLoader create() {
    return new OdcsContractLoader(GovernancePolicies.none(), DEFAULT_MAX_BYTES);
  }

  /** A loader that also checks {@code policies}. */
  static ContractLoader create(GovernancePolicies policies) {
    return new OdcsContractLoader(policies, DEFAULT_MAX_BYTES);
  }

  /** A loader with a custom size limit. */
  static ContractLoader create(GovernancePolicies policies, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    return new OdcsContractLoader(policies, maxBytes);
  }

  /** Loads contract text. */
  ContractLoadResult load(String text);

  /** Loads a UTF-8 encoded contract. */
  ContractLoadResult load(byte[] utf8);
}
