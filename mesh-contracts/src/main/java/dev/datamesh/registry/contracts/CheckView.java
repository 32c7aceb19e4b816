package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /contracts/check}: would the contract be registered?
 *
 * @param valid true when {@code POST /contracts} would accept it (or answer it idempotently)
 * @param productId the product, when the document names one readably
 * @param version the contract version, when readable
 * @param violations every reason it would be refused, besides compatibility
 * @param compatibility its schema against the product's latest version of the same major
 * @param policyVersion the council policies it was checked against
 * @param changes what changes against the product's latest registered version
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "valid",
  "productId",
  "version",
  "violations",
  "compatibility",
  "policyVersion",
  "changes"
})
public record CheckView(
    boolean valid,
    String productId,
    String version,
    List<ViolationView> violations,
    CompatibilityView compatibility,
    String policyVersion,
    List<ChangeView> changes) {

  public CheckView {
    violations = List.copyOf(violations);
    changes = List.copyOf(changes);
  }
}
