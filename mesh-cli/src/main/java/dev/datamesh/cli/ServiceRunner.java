package dev.datamesh.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one mesh service as its own Micronaut context (own environment, own HTTP port), so several
 * services can share one JVM in {@code mesh dev}.
 */
final class ServiceRunner {

  private ServiceRunner() {}

  /** A started service; {@link #close()} stops its HTTP server and Kafka clients. */
  record RunningService(MeshService service, ApplicationContext context, String url)
      implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  /**
   * Starts {@code service} against {@code bootstrapServers}; {@code port} 0 means its default, -1
   * any free port.
   */
  static RunningService start(
      MeshService service, String bootstrapServers, int port, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put("kafka.bootstrap.servers", bootstrapServers);
    props.put("micronaut.server.port", port == 0 ? service.defaultPort() : port);
    ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments(service.environment())
            .properties(props)
            .start();
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      String url = "http://localhost:" + server.getPort();
      return new RunningService(service, context, url);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }
}
