package dev.datamesh.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Stops what a command started, in reverse order, when the JVM is asked to stop (Ctrl-C, SIGTERM).
 * Services are registered after the broker, so they stop before it: clients never hang on a broker
 * that is already gone.
 */
final class Shutdown implements AutoCloseable {
  private final Deque<Step> steps = new ArrayDeque<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private final PrintWriter out;

  private record Step(String name, AutoCloseable action) {}

  private Shutdown(PrintWriter out) {
    this.out = out;
  }

  /** Steps a caller stops itself with {@link #close()}; no JVM hook (tests, embedding). */
  static Shutdown manual(PrintWriter out) {
    return new Shutdown(out);
  }

  /** Stops everything registered so far, newest first. */
  @Override
  public void close() {
    runAll();
  }

  static Shutdown install(PrintWriter out) {
    Shutdown shutdown = new Shutdown(out);
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown::runAll, "mesh-shutdown"));
    return shutdown;
  }

  synchronized void register(String name, AutoCloseable action) {
    steps.push(new Step(name, action));
  }

  /** Blocks the calling (main) thread until the shutdown hook has stopped everything. */
  void await() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runAll() {
    out.println();
    out.println("Stopping ...");
    out.flush();
    Step step;
    while ((step = next()) != null) {
      try {
        step.action().close();
        out.println("  stopped " + step.name());
      } catch (Exception e) {
        out.println("  " + step.name() + " did not stop cleanly: " + e.getMessage());
      }
      out.flush();
    }
    done.countDown();
  }

  private synchronized Step next() {
    return steps.poll();
  }
}
