package dev.datamesh.cli;

import dev.datamesh.kafka.embedded.EmbeddedKafka;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mesh kafka}: a real single-node KRaft broker until Ctrl-C. */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = {
      "Start a single-node Kafka broker (KRaft) in this process and keep it running until Ctrl-C.",
      "Its data survives restarts. Any Kafka client (kcat, kafka-console-*, your app) can use it."
    })
final class KafkaCommand implements Callable<Integer> {

  @Mixin BrokerOptions broker;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Console console = new Console(out);
    console.progress("Starting Kafka broker (data in " + broker.dataDir() + ") ...");
    EmbeddedKafka kafka = broker.start();
    Shutdown shutdown = Shutdown.install(out);
    shutdown.register("Kafka broker", kafka::close);
    console.ok("Kafka broker ready");
    console.field("bootstrap", kafka.bootstrapServers());
    console.field("data", kafka.dataDir().toString());
    console.line("Try:  kcat -b " + kafka.bootstrapServers() + " -L");
    console.line("Press Ctrl-C to stop.");
    shutdown.await();
    return 0;
  }
}
