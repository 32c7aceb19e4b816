package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.JsonPointers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Lenient reads of a parsed contract: wrong types are left to the ODCS schema check. */
final class Nodes {

  /** A custom property's value and the JSON Pointer of that value. */
  record Custom(JsonNode value, String pointer) {}

  private Nodes() {}

  /** The text of {@code owner.field}, or "" if absent or not a string. */
  static String text(JsonNode owner, String field) {
    JsonNode node = owner.path(field);
    return node.isTextual() ? node.textValue() : "";
  }

  /** The text of {@code owner.field} if it is a non-blank string. */
  static Optional<String> optionalText(JsonNode owner, String field) {
    String text = text(owner, field);
    return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  /** {@code owner.field} if it is a JSON boolean, else {@code fallback}. */
  static boolean bool(JsonNode owner, String field, boolean fallback) {
    JsonNode node = owner.path(field);
    return node.isBoolean() ? node.booleanValue() : fallback;
  }

  /**
   * The {@code customProperties} of {@code owner} by name (first occurrence wins), each with the
   * pointer of its value.
   */
  static Map<String, Custom> customProperties(JsonNode owner, String ownerPointer) {
    Map<String, Custom> result = new LinkedHashMap<>();
    JsonNode list = owner.path("customProperties");
    if (!list.isArray()) {
      return result;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String name = text(entry, "property");
      if (!name.isEmpty() && !result.containsKey(name)) {
        String pointer =
            JsonPointers.child(JsonPointers.child(ownerPointer + "/customProperties", i), "value");
        result.put(name, new Custom(entry.path("value"), pointer));
      }
    }
    return result;
  }
}
