package dev.datamesh.cli;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh dev}: the broker and every service in one JVM, for a first look. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole mesh in this process: an embedded Kafka broker and every service.",
      "Ctrl-C stops everything cleanly."
    })
final class DevCommand implements Callable<Integer> {

  @Mixin BrokerOptions broker;

  @Option(names = "--no-demo", description = "Run the platform without the demo domains.")
  boolean noDemo;

  @Option(
      names = "--random-ports",
      description = "Give every service a free HTTP port instead of 8080-8083.")
  boolean randomPorts;

  @Option(
      names = "--silence-after",
      defaultValue = "PT3M",
      description =
          "When the demo's catalog product stops producing, so its freshness alert fires"
              + " (ISO-8601 duration). Default: ${DEFAULT-VALUE}.")
  Duration silenceAfter;

  @Option(
      names = "--secure",
      description =
          "SASL/PLAIN and ACLs on the broker, a principal per service, registry tokens and ACL"
              + " provisioning (no demo traffic). Credentials go to <data-dir>/../secure-dev.properties."
              + " Default data dir: ~/.mesh/kafka-secure.")
  boolean secure;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Console console = new Console(spec.commandLine().getOut());
    Shutdown shutdown = Shutdown.install(spec.commandLine().getOut());
    SecureDev secureDev = null;
    if (secure) {
      secureDev = SecureDev.generate();
      if (broker.dataDir == null) {
        broker.dataDir = Path.of(System.getProperty("user.home"), ".mesh", "kafka-secure");
      }
      noDemo = true; // the demo producers write every domain's topics: not one principal's job
    }
    console.progress("Starting Kafka broker (data in " + broker.dataDir() + ") ...");
    EmbeddedKafka kafka =
        secureDev == null ? broker.start() : broker.start(secureDev.brokerSecurity());
    shutdown.register("Kafka broker", kafka::close);
    StringBuilder urls = new StringBuilder();
    Map<String, Object> links = new HashMap<>();
    // Streams state belongs to this broker's data: a fresh data directory gets fresh state.
    links.put("mesh.quality.state-dir", kafka.dataDir().resolve("quality-streams").toString());
    String registryUrl = null;
    DemoDomains demo = null;
    for (MeshService service : MeshService.values()) {
      console.progress("Starting " + service.description() + " ...");
      Map<String, Object> serviceProps = new HashMap<>(links);
      if (secureDev != null) {
        serviceProps.putAll(secureDev.serviceProperties(service, kafka.security().orElseThrow()));
      }
      ServiceRunner.RunningService running =
          ServiceRunner.start(
              service, kafka.bootstrapServers(), randomPorts ? -1 : 0, serviceProps);
      if (service == MeshService.REGISTRY) {
        registryUrl = running.url();
        if (!noDemo) {
          console.progress("Registering the demo contracts ...");
          demo = DemoDomains.register(registryUrl, kafka.bootstrapServers(), silenceAfter);
          shutdown.register("demo producers", demo);
        }
        // Every later service finds the registry where it really listens.
        for (MeshService client : MeshService.values()) {
          if (client.registryUrlProperty() != null) {
            links.put(client.registryUrlProperty(), running.url());
          }
        }
      }
      shutdown.register(service.environment(), running);
      urls.append(
          String.format("  %-12s %s%n", service.environment(), running.url() + service.homePath()));
    }
    if (demo != null) {
      demo.startProducing();
    }
    console.ok("Data Product Mesh is running");
    console.field("kafka", kafka.bootstrapServers());
    if (secureDev != null) {
      Path credentials =
          secureDev.writeCredentials(
              broker.dataDir().resolveSibling("secure-dev.properties"),
              kafka.bootstrapServers(),
              kafka.security().orElseThrow());
      console.field("security", "SASL_PLAINTEXT/PLAIN + ACLs; credentials in " + credentials);
    }
    console.line(urls.toString().stripTrailing());
    if (noDemo) {
      console.line(
          "Demo domains: off (--no-demo). Register a contract: POST " + registryUrl + "/contracts");
    } else {
      console.line("Demo products: " + String.join(", ", DemoDomains.PRODUCTS));
      console.line(
          "  "
              + DemoDomains.SILENT_PRODUCT
              + " goes silent after "
              + silenceAfter.toMinutes()
              + " min (watch its freshness alert)");
      console.line(
          "Topics to watch: <product>.certified, <product>.dlq, mesh.quality.alerts, mesh.metadata");
    }
    console.line("Press Ctrl-C to stop.");
    shutdown.await();
    return 0;
  }
}
