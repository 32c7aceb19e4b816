package dev.datamesh.cli;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import dev.datamesh.kafka.embedded.EmbeddedKafkaConfig;
import dev.datamesh.kafka.embedded.EmbeddedSecurity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole mesh in this JVM: an embedded broker, every service and (optionally) the demo domains.
 * {@code mesh dev} runs it until Ctrl-C; tests start it in-process. Everything started is
 * registered with the given {@link Shutdown} as soon as it runs, so a failure half-way still stops
 * what did start.
 *
 * @param bootstrapServers the embedded broker's client address
 * @param urls each service's base URL
 * @param security the broker's SASL users and ACL settings, with {@code --secure}
 */
record DevMesh(
    String bootstrapServers, Map<MeshService, String> urls, Optional<EmbeddedSecurity> security) {

  /**
   * What to start.
   *
   * @param kafkaPort the broker's client port, 0 for any free one
   * @param dataDir the broker's data directory (created and formatted on first use)
   * @param demo whether to register and run the demo domains
   * @param randomPorts free HTTP ports instead of the services' defaults
   * @param silenceAfter when the demo's silent product stops producing
   * @param silentFreshness the freshness SLA the silent product is registered with
   * @param serviceProperties extra Micronaut properties for every service
   * @param secure principals, tokens and keys for {@code --secure}; null for a plain broker
   */
  record Options(
      int kafkaPort,
      Path dataDir,
      boolean demo,
      boolean randomPorts,
      Duration silenceAfter,
      Duration silentFreshness,
      Map<String, Object> serviceProperties,
      SecureDev secure) {
    Options {
      serviceProperties = Map.copyOf(serviceProperties);
    }
  }

  static DevMesh start(Options options, Console console, Shutdown shutdown)
      throws IOException, InterruptedException {
    console.progress("Starting Kafka broker (data in " + options.dataDir() + ") ...");
    EmbeddedKafkaConfig config =
        EmbeddedKafkaConfig.persistent(options.dataDir()).withPort(options.kafkaPort());
    EmbeddedKafka kafka =
        EmbeddedKafka.start(
            options.secure() == null
                ? config
                : config.withSecurity(options.secure().brokerSecurity()));
    shutdown.register("Kafka broker", kafka::close);
    Map<String, Object> links = new HashMap<>(options.serviceProperties());
    // Streams state belongs to this broker's data: a fresh data directory gets fresh state.
    links.putIfAbsent(
        "mesh.quality.state-dir", kafka.dataDir().resolve("quality-streams").toString());
    Map<MeshService, String> urls = new EnumMap<>(MeshService.class);
    DemoDomains demo = null;
    for (MeshService service : MeshService.values()) {
      console.progress("Starting " + service.description() + " ...");
      Map<String, Object> serviceProps = new HashMap<>(links);
      if (options.secure() != null) {
        serviceProps.putAll(
            options.secure().serviceProperties(service, kafka.security().orElseThrow()));
      }
      ServiceRunner.RunningService running =
          ServiceRunner.start(
              service, kafka.bootstrapServers(), options.randomPorts() ? -1 : 0, serviceProps);
      shutdown.register(service.environment(), running);
      urls.put(service, running.url());
      if (service == MeshService.REGISTRY) {
        if (options.demo()) {
          // Registered before the other services start, so they find every demo topic at once.
          console.progress("Registering the demo contracts ...");
          demo =
              DemoDomains.register(
                  running.url(),
                  kafka.bootstrapServers(),
                  options.silenceAfter(),
                  options.silentFreshness());
        }
        // Every later service finds the registry where it really listens.
        for (MeshService client : MeshService.values()) {
          if (client.registryUrlProperty() != null) {
            links.put(client.registryUrlProperty(), running.url());
          }
        }
      }
    }
    if (demo != null) {
      // Registered last so it stops first: no demo send races a closing service or broker.
      shutdown.register("demo producers", demo.startProducing());
    }
    return new DevMesh(kafka.bootstrapServers(), Map.copyOf(urls), kafka.security());
  }

  String url(MeshService service) {
    return urls.get(service);
  }
}
