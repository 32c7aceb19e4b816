package dev.datamesh.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mesh}: the root command; it only dispatches to subcommands. */
@Command(
    name = "mesh",
    mixinStandardHelpOptions = true,
    versionProvider = MeshVersion.class,
    description = "The Data Product Mesh: certified, observable data products on Kafka.",
    subcommands = {
      DevCommand.class,
      KafkaCommand.class,
      ContractCommand.class,
      ProductsCommand.class,
      ProductCommand.class,
      LineageCommand.class,
      AlertsCommand.class,
      DlqCommand.class,
      ProduceCommand.class,
      ConsumeCommand.class,
      ServiceCommand.Registry.class,
      ServiceCommand.Gateway.class,
      ServiceCommand.Quality.class
    },
    footer = {
      "",
      "Start here: mesh dev   (a broker, every service and demo data in one JVM)",
      "Benchmarks: mesh bench --help",
      "Each command has --help."
    })
final class MeshCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: try 'mesh dev' or 'mesh --help'");
  }
}
