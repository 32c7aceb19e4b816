package dev.datamesh.lineage.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads fields of other services' JSON leniently: the first of several accepted names, text or
 * number, ISO-8601 or epoch-millisecond instants. Stateless.
 */
final class Lenient {
  private Lenient() {}

  static Optional<String> text(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && !v.isNull() && (v.isTextual() || v.isNumber() || v.isBoolean())) {
        String text = v.asText().strip();
        if (!text.isEmpty()) {
          return Optional.of(text);
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Long> number(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && v.isNumber()) {
        return Optional.of(v.asLong());
      }
      if (v != null && v.isTextual()) {
        try {
          return Optional.of(Long.parseLong(v.asText().strip()));
        } catch (NumberFormatException e) {
          // not a number: try the next name
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> instant(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isNumber()) {
        return Optional.of(Instant.ofEpochMilli(v.asLong()));
      }
      try {
        return Optional.of(Instant.parse(v.asText().strip()));
      } catch (DateTimeParseException e) {
        // not an instant: try the next name
      }
    }
    return Optional.empty();
  }
}
