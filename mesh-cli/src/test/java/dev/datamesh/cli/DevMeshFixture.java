package dev.datamesh.cli;

import dev.datamesh.testing.TestDirs;
import dev.datamesh.testing.TestKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One {@code mesh dev} started in-process for the ITs of this module that need a whole mesh with
 * demo traffic: its own broker on a free port and fresh data, services on free ports, the silent
 * product silent after 15 s with a 15 s freshness SLA. Stopped (services, then broker) at JVM exit.
 */
final class DevMeshFixture {
  static final Duration SILENCE_AFTER = Duration.ofSeconds(15);
  private static DevMeshFixture instance;

  final DevMesh mesh;
  final StringWriter output = new StringWriter();

  private DevMeshFixture() throws IOException, InterruptedException {
    Shutdown shutdown = Shutdown.manual(new PrintWriter(output, true));
    // under the module's target/ (the build's working directory), so a JVM halted before its
    // hooks finish leaves nothing in /tmp; deleted only after the broker has stopped
    Path dataDir =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "mesh-dev-it");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown.close();
                  TestDirs.deleteQuietly(dataDir);
                },
                "dev-mesh-fixture-stop"));
    this.mesh =
        DevMesh.start(
            new DevMesh.Options(
                0,
                dataDir,
                true,
                true,
                SILENCE_AFTER,
                Duration.ofSeconds(15),
                Map.of(
                    "mesh.quality.freshness-interval", "2s",
                    "mesh.gateway.stats-interval", "2s",
                    "mesh.lineage.discovery-interval", "2s"),
                null),
            new Console(new PrintWriter(output, true)),
            shutdown);
  }

  static synchronized DevMeshFixture get() {
    if (instance == null) {
      try {
        instance = new DevMeshFixture();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  String url(MeshService service) {
    return mesh.url(service);
  }

  TestKafka kafka() {
    return TestKafka.external(mesh.bootstrapServers());
  }
}
