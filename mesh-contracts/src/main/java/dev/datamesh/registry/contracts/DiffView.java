package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code GET /contracts/{productId}/diff}.
 *
 * @param breaking true when a change breaks producers or consumers, or the schemas are not
 *     compatible under the newer version's mode
 * @param schema the newer schema against the older one under the newer version's mode
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"productId", "from", "to", "breaking", "schema", "changes"})
public record DiffView(
    String productId,
    String from,
    String to,
    boolean breaking,
    CompatibilityView schema,
    List<ChangeView> changes) {

  public DiffView {
    changes = List.copyOf(changes);
  }
}
