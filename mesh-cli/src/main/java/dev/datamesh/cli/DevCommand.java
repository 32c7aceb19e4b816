package dev.datamesh.cli;

import java.nio.file.Path;
import java.time.Duration;
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

  @Option(
      names = "--silent-freshness",
      defaultValue = "PT1M",
      description =
          "The freshness SLA the demo's silent product is registered with (ISO-8601)."
              + " Default: ${DEFAULT-VALUE}.")
  Duration silentFreshness;

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
    DevMesh mesh =
        DevMesh.start(
            new DevMesh.Options(
                broker.port,
                broker.dataDir(),
                !noDemo,
                randomPorts,
                silenceAfter,
                silentFreshness,
                Map.of(),
                secureDev),
            console,
            shutdown);
    StringBuilder urls = new StringBuilder();
    for (MeshService service : MeshService.values()) {
      urls.append(
          String.format(
              "  %-12s %s%n", service.environment(), mesh.url(service) + service.homePath()));
    }
    String registryUrl = mesh.url(MeshService.REGISTRY);
    console.ok("Data Product Mesh is running");
    console.field("kafka", mesh.bootstrapServers());
    if (secureDev != null) {
      Path credentials =
          secureDev.writeCredentials(
              broker.dataDir().resolveSibling("secure-dev.properties"),
              mesh.bootstrapServers(),
              mesh.security().orElseThrow());
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
              + human(silenceAfter)
              + " (its freshness SLA: "
              + human(silentFreshness)
              + "; watch the alert)");
      console.line(
          "Topics to watch: <product>.certified, <product>.dlq, mesh.quality.alerts, mesh.metadata");
      console.line(
          "Try: ./mesh products | ./mesh consume orders.order-placed | ./mesh dlq"
              + " orders.order-placed | ./mesh alerts --follow");
    }
    console.line("Press Ctrl-C to stop.");
    shutdown.await();
    return 0;
  }

  /** {@code PT3M} as {@code 3m}, {@code PT1M30S} as {@code 1m30s}. */
  private static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
