package dev.datamesh.registry.http;

import io.micronaut.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient query parameters: unknown ones are ignored, unparsable values count as absent (never a
 * 4xx for a client's extra or odd parameter).
 */
final class Params {
  private Params() {}

  static boolean flag(HttpRequest<?> request, String name) {
    return request
        .getParameters()
        .getFirst(name)
        .map(v -> v.trim().equalsIgnoreCase("true"))
        .orElse(false);
  }

  /** True/false when given, null when absent. */
  static Boolean optionalFlag(HttpRequest<?> request, String name) {
    return request
        .getParameters()
        .getFirst(name)
        .filter(v -> !v.isBlank())
        .map(v -> v.trim().equalsIgnoreCase("true"))
        .orElse(null);
  }

  static String text(HttpRequest<?> request, String name) {
    return request.getParameters().getFirst(name).orElse(null);
  }

  static int integer(HttpRequest<?> request, String name, int fallback) {
    return request
        .getParameters()
        .getFirst(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                return fallback;
              }
            })
        .orElse(fallback);
  }

  /** Repeated {@code key}/{@code value} pairs, zipped in order. */
  static Map<String, String> pairs(HttpRequest<?> request, String keyName, String valueName) {
    List<String> keys = request.getParameters().getAll(keyName);
    List<String> values = request.getParameters().getAll(valueName);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i), i < values.size() ? values.get(i) : "");
    }
    return out;
  }
}
