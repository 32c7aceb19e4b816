package dev.datamesh.registry;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;

/** Allows every schema; used until a contract-aware {@link SubjectGovernance} is wired in. */
@Singleton
@Secondary
final class AllowAllGovernance implements SubjectGovernance {

  @Override
  public List<GovernanceViolation> review(SchemaChange change) {
    return List.of();
  }
}
