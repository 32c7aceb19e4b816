package dev.datamesh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories for state that outlives one test method (Kafka Streams state, a shared
 * mesh's data, a browser profile), removed when the test JVM exits, after every service that wrote
 * into them has closed. JUnit's {@code @TempDir} deletes at the end of a test and fails the test
 * when a file is still being written; here a directory that cannot be removed is left behind
 * quietly. Thread-safe.
 */
public final class TestDirs {
  private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDirs::deleteAll, "test-dirs-cleanup"));
  }

  private TestDirs() {}

  /** A new empty directory under the system's temporary directory, deleted at JVM exit. */
  public static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      CREATED.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything below it; what cannot be deleted is left quietly. */
  public static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a directory still in use stays in /tmp
    }
  }

  private static void deleteAll() {
    CREATED.forEach(TestDirs::deleteQuietly);
  }
}
