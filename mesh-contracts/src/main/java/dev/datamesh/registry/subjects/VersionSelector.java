package dev.datamesh.registry.subjects;

import java.util.Optional;
import java.util.SortedMap;

/**
 * A {@code {version}} path segment: a number from 1, or {@code latest} / {@code -1}.
 *
 * @param number the version, or 0 for the latest
 */
record VersionSelector(int number) {

  static Optional<VersionSelector> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.equalsIgnoreCase("latest") || t.equals("-1")) {
      return Optional.of(new VersionSelector(0));
    }
    try {
      int n = Integer.parseInt(t);
      return n >= 1 ? Optional.of(new VersionSelector(n)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean latest() {
    return number == 0;
  }

  /** The selected entry among {@code versions}, if there. */
  <V> Optional<V> select(SortedMap<Integer, V> versions) {
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(latest() ? versions.get(versions.lastKey()) : versions.get(number));
  }

  static String invalidMessage(String text) {
    return "The specified version '"
        + text
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
        + " \"latest\"";
  }
}
