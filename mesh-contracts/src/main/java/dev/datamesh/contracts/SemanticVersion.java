package dev.datamesh.contracts;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version. Ordering follows precedence except that pre-release
 * identifiers compare as plain strings (enough for contract versions); build metadata is ignored by
 * {@link #compareTo}.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease, String build)
    implements Comparable<SemanticVersion> {

  // The official regular expression from semver.org.
  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private static final Comparator<SemanticVersion> ORDER =
      Comparator.comparingInt(SemanticVersion::major)
          .thenComparingInt(SemanticVersion::minor)
          .thenComparingInt(SemanticVersion::patch)
          // a release ranks above its pre-releases
          .thenComparing(v -> v.preRelease().isEmpty() ? "\uffff" : v.preRelease());

  public SemanticVersion {
    Objects.requireNonNull(preRelease, "preRelease");
    Objects.requireNonNull(build, "build");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version number");
    }
  }

  /** Parses {@code text}; empty if it is not a semantic version (or a number overflows). */
  public static Optional<SemanticVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SemanticVersion(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4) == null ? "" : m.group(4),
              m.group(5) == null ? "" : m.group(5)));
    } catch (NumberFormatException tooBig) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (preRelease.isEmpty() ? "" : "-" + preRelease)
        + (build.isEmpty() ? "" : "+" + build);
  }
}
