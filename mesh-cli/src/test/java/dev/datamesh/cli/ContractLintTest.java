package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ContractLintTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = MeshMain.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  private Path copy(String resource, String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "orders.order-placed",
        "payments.transaction",
        "catalog.inventory-level",
        "analytics.revenue-by-hour"
      })
  void everyDemoContractLintsClean(String product) throws IOException {
    Path file = copy("/examples/" + product + ".odcs.yaml", product + ".yaml");
    assertThat(run("contract", "lint", file.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("valid", product);
  }

  @Test
  void aBadContractListsEveryProblemAndExitsOne() throws IOException {
    Path file = copy("/bad-contract.odcs.yaml", "bad.yaml");
    assertThat(run("contract", "lint", file.toString())).isEqualTo(1);
    String report = out.toString();
    long problems = report.lines().filter(l -> l.startsWith("  ") && l.contains(" at '")).count();
    assertThat(problems).isGreaterThanOrEqualTo(5);
    assertThat(report).contains("problem(s)");
  }

  @Test
  void aMissingFileIsAClearErrorNotAStackTrace() {
    assertThat(run("contract", "lint", dir.resolve("nope.yaml").toString())).isEqualTo(1);
    assertThat(out.toString()).contains("Cannot read").doesNotContain("Exception");
  }
}
