package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MeshCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = MeshMain.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "dev", "kafka", "registry", "gateway", "quality", "lineage", "Start here: mesh dev");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command :
        new String[] {"dev", "kafka", "registry", "gateway", "quality", "lineage"}) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
    assertThat(out.toString()).contains("--kafka-port", "--data-dir", "--bootstrap-servers");
  }

  @Test
  void noCommandIsAUsageErrorWithAHint() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command", "mesh dev");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate");
  }

  @Test
  void badPortIsAUsageErrorNamingTheOption() {
    assertThat(run("kafka", "--kafka-port", "ninety")).isEqualTo(2);
    assertThat(err.toString()).contains("--kafka-port");
  }
}
