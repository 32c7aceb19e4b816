package dev.datamesh.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a mesh service (a Micronaut context with the service's environment) on a free HTTP port
 * against the shared test Kafka, the same way {@code ./mesh dev} does. Close it before the broker.
 */
public final class TestServices {

  private TestServices() {}

  /** A running service context and the base URL of its HTTP server. */
  public record RunningService(ApplicationContext context, String url) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  /**
   * Starts the service whose environment is {@code environment} ({@code registry}, {@code gateway},
   * {@code quality}, {@code lineage}) with {@code properties} on top of its defaults.
   */
  public static RunningService start(
      TestKafka kafka, String environment, Map<String, Object> properties) {
    Map<String, Object> props = new HashMap<>();
    // Security settings too (a secured broker's admin), unless the caller names a principal.
    kafka.clientProperties().forEach((k, v) -> props.put("kafka." + k, v));
    props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    props.put("micronaut.server.port", -1);
    props.putAll(properties);
    ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments(environment)
            .properties(props)
            .start();
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      return new RunningService(context, "http://localhost:" + server.getPort());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }
}
