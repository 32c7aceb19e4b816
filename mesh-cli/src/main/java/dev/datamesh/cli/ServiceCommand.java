package dev.datamesh.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh registry|gateway|quality|lineage}: one service against any Kafka cluster ({@code
 * lineage} is {@link LineageCommand}, which also shows a product's graph).
 */
abstract class ServiceCommand implements Callable<Integer> {

  @Option(
      names = {"-b", "--bootstrap-servers"},
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka bootstrap servers. Default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092.")
  String bootstrapServers;

  @Option(
      names = {"-p", "--port"},
      defaultValue = "0",
      description = "HTTP port (0 = the service's default, -1 = any free port).")
  int port;

  @Spec CommandSpec spec;

  abstract MeshService service();

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut());
    MeshService service = service();
    console.progress("Starting " + service.description() + " against Kafka at " + bootstrapServers);
    Shutdown shutdown = Shutdown.install(spec.commandLine().getOut());
    ServiceRunner.RunningService running =
        ServiceRunner.start(service, bootstrapServers, port, Map.of());
    shutdown.register(service.environment(), running);
    console.ok(service.environment() + " ready at " + running.url() + service.homePath());
    console.line("Health: " + running.url() + "/health    Press Ctrl-C to stop.");
    shutdown.await();
    return 0;
  }

  @Command(
      name = "registry",
      mixinStandardHelpOptions = true,
      description = "Run the contract registry (default port 8081).")
  static final class Registry extends ServiceCommand {
    @Override
    MeshService service() {
      return MeshService.REGISTRY;
    }
  }

  @Command(
      name = "gateway",
      mixinStandardHelpOptions = true,
      description = "Run the gateway (default port 8082).")
  static final class Gateway extends ServiceCommand {
    @Override
    MeshService service() {
      return MeshService.GATEWAY;
    }
  }

  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = "Run the quality streams service (default port 8083).")
  static final class Quality extends ServiceCommand {
    @Override
    MeshService service() {
      return MeshService.QUALITY;
    }
  }
}
