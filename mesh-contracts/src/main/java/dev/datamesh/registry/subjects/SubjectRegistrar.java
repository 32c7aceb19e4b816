package dev.datamesh.registry.subjects;

import dev.datamesh.registry.SubjectGovernance;
import dev.datamesh.registry.schema.AvroSchemaParser;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.RuleSetValidator;
import dev.datamesh.registry.store.CompatibilityConfig;
import dev.datamesh.registry.store.Decision;
import dev.datamesh.registry.store.RegistryState;
import java.util.function.LongSupplier;

/**
 * Confluent registration as a decision on a given state, for writes that register schemas as one
 * step of something larger (the contracts API registers a contract's schema under two subjects in
 * the same log transaction as the contract). Exactly the semantics of {@code POST
 * /subjects/{s}/versions} (see {@link RegistryOperations#register}), governance included. Stateless
 * and thread-safe; the decision is only valid for the state it was made on.
 */
public interface SubjectRegistrar {

  /** Decides the registration of {@code request} under {@code subject} on {@code state}. */
  Decision<Outcome<SchemaView>> register(
      RegistryState state, String subject, SchemaRequest request);

  /** The subject's configuration in effect: subject level over global over the defaults. */
  CompatibilityConfig effectiveConfig(RegistryState state, String subject);

  /**
   * A registrar with {@code config}'s defaults, asking {@code governance}, stamping {@code clock}.
   */
  static SubjectRegistrar create(
      RegistryConfig config, SubjectGovernance governance, LongSupplier clock) {
    SubjectRules rules = new SubjectRules(config, AvroSchemaParser.standard());
    Registration registration =
        new Registration(
            rules, CompatibilityChecker.avro(), RuleSetValidator.confluent(), governance, clock);
    return new SubjectRegistrar() {
      @Override
      public Decision<Outcome<SchemaView>> register(
          RegistryState state, String subject, SchemaRequest request) {
        return registration.decide(state, subject, request, new Registration.Options(null, false));
      }

      @Override
      public CompatibilityConfig effectiveConfig(RegistryState state, String subject) {
        return rules.effectiveConfig(state, subject);
      }
    };
  }
}
