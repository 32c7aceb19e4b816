package dev.datamesh.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mesh service ({@code mesh registry|gateway|quality ...}) in its own JVM, started from this
 * test JVM's class path with {@code dev.datamesh.cli.MeshMain}, the way an operator runs it.
 *
 * <p>{@link #kill()} is SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no
 * transaction abort, no consumer leave — the crash the reliability suite is about. Output goes to
 * {@code target/reliability-logs/<name>-<n>.log}, so a failure can be read afterwards.
 *
 * <p>Not thread-safe; one test drives it.
 */
final class MeshJvm implements AutoCloseable {
  private static final Pattern READY = Pattern.compile(" ready at (http://localhost:\\d+)");
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static final Path LOGS = Path.of("target", "reliability-logs");

  private final String service;
  private final String bootstrap;
  private final Map<String, String> properties;
  private Process process;
  private Path log;
  private String url;
  private int starts;

  MeshJvm(String service, String bootstrap, Map<String, String> properties) {
    this.service = service;
    this.bootstrap = bootstrap;
    this.properties = Map.copyOf(properties);
  }

  /** Starts the JVM and waits until the service says it is ready; returns its base URL. */
  String start(Duration timeout) {
    launch();
    return awaitReady(timeout);
  }

  /** Starts the JVM without waiting; {@link #awaitReady} waits. */
  void launch() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(service + " is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classPath());
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("dev.datamesh.cli.MeshMain");
    command.add(service);
    command.add("--bootstrap-servers");
    command.add(bootstrap);
    command.add("--port");
    command.add("-1");
    try {
      Files.createDirectories(LOGS);
      log = LOGS.resolve(service + "-" + STARTS.incrementAndGet() + ".log");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
  }

  /** SIGKILL, then waits until the process is gone. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(service + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + service, e);
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  String url() {
    return url;
  }

  /** How often this service was started (the first start included). */
  int starts() {
    return starts;
  }

  String output() {
    try {
      return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    kill();
  }

  /** Waits until the launched service says it is ready; returns its base URL. */
  String awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(output());
      if (m.find()) {
        url = m.group(1);
        return url;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            service + " exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    kill();
    throw new AssertionError(service + " not ready within " + timeout + ":\n" + output());
  }

  /** The real test class path: failsafe may hide it behind a manifest-only booter jar. */
  private static String classPath() {
    String real = System.getProperty("surefire.test.class.path");
    return real != null && !real.isBlank() ? real : System.getProperty("java.class.path");
  }
}
