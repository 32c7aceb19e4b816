package dev.datamesh.contracts.rules;

import dev.datamesh.contracts.ContractViolation;
import java.util.ArrayList;
import java.util.List;

/** One precompiled check of a non-null value. Implementations are immutable. */
interface ValueCheck {

  /**
   * Checks {@code value}; on a violation appends to {@code out}, creating the list if it is null.
   *
   * @return {@code out}, or the list created for the first violation
   */
  List<ContractViolation> check(Object value, List<ContractViolation> out);

  /** Appends {@code violation}, creating the list on first use. */
  static List<ContractViolation> add(List<ContractViolation> out, ContractViolation violation) {
    List<ContractViolation> list = out == null ? new ArrayList<>(2) : out;
    list.add(violation);
    return list;
  }
}
