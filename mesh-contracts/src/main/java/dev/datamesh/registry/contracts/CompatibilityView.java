package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.registry.schema.CompatibilityResult;
import java.util.List;

/** Whether a schema may follow another, with Confluent-style messages when it may not. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"compatible", "messages"})
public record CompatibilityView(boolean compatible, List<String> messages) {

  public CompatibilityView {
    messages = List.copyOf(messages);
  }

  /** The view of a checker result. */
  public static CompatibilityView of(CompatibilityResult result) {
    return new CompatibilityView(result.compatible(), result.messages());
  }

  /** Compatible, with an explanatory note (e.g. why nothing was checked). */
  public static CompatibilityView compatible(String note) {
    return new CompatibilityView(true, note == null ? List.of() : List.of(note));
  }
}
