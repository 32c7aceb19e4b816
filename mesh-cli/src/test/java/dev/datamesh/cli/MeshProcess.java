package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged launcher ({@code java -jar target/mesh.jar ...}) as a separate process, the way
 * {@code ./mesh} does, and reads its output line by line.
 */
final class MeshProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();

  private MeshProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "mesh-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  static MeshProcess start(String... args) throws IOException {
    Path jar = Path.of("target", "mesh.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn package first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return new MeshProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Waits for an output line matching {@code match} and returns it. */
  String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (lines) {
        for (String line : lines) {
          if (match.test(line)) {
            return line;
          }
        }
        if (!process.isAlive()) {
          break;
        }
        lines.wait(200);
      }
    }
    throw new AssertionError(
        "no matching line within " + timeout + "; output so far:\n" + output());
  }

  /**
   * Reads each service's URL from the banner and waits until its {@code /health} answers 200 with
   * status UP; returns the URLs by service.
   */
  Map<MeshService, URI> awaitHealthyServices(HttpClient http) throws InterruptedException {
    Map<MeshService, URI> urls = new EnumMap<>(MeshService.class);
    for (MeshService service : MeshService.values()) {
      String line =
          awaitLine(l -> l.trim().startsWith(service.environment() + " "), Duration.ofSeconds(5));
      URI home = URI.create(line.trim().split("\\s+")[1]).resolve("/");
      urls.put(service, home);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                HttpResponse<String> health =
                    http.send(
                        HttpRequest.newBuilder(home.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode())
                    .as(service.environment() + ": " + health.body())
                    .isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");
              });
    }
    return urls;
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does, and returns the exit code. */
  int terminate(Duration timeout) throws InterruptedException, IOException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not stop within " + timeout + "; output:\n" + output());
    }
    Thread.sleep(200); // let the reader drain the last lines
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
