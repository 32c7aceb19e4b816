package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestTopics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every operator command against a running {@code mesh dev}, as a user types it. */
class MeshCliIT {
  private static final Duration BOUND = Duration.ofSeconds(150);
  private final DevMeshFixture dev = DevMeshFixture.get();
  @TempDir Path dir;

  /** What a command printed and its exit code. */
  record Run(int exit, String out, String err) {}

  private Run mesh(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MeshMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    String command = args[0].equals("contract") || args[0].equals("dlq") ? args[1] : args[0];
    all.addAll(endpoints(args[0], command));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  /** The options that point a command at the fixture's mesh instead of the default ports. */
  private List<String> endpoints(String group, String command) {
    List<String> options = new ArrayList<>();
    String registry = dev.url(MeshService.REGISTRY);
    String catalog = dev.url(MeshService.LINEAGE);
    String gateway = dev.url(MeshService.GATEWAY);
    String kafka = dev.mesh.bootstrapServers();
    switch (group + " " + command) {
      case "contract diff" -> options.addAll(List.of("--registry", registry, "--catalog", catalog));
      case "contract register" -> options.addAll(List.of("--registry", registry));
      case "products products", "product product", "lineage lineage" ->
          options.addAll(List.of("--catalog", catalog));
      case "alerts alerts" -> options.addAll(List.of("-b", kafka));
      case "dlq redrive", "produce produce" -> options.addAll(List.of("--gateway", gateway));
      case "consume consume" -> options.addAll(List.of("--registry", registry, "-b", kafka));
      default -> {
        if (group.equals("dlq")) {
          options.addAll(List.of("--registry", registry, "-b", kafka));
        }
      }
    }
    return options;
  }

  @Test
  void productsListsEveryDemoProductWithItsStatus() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run run = mesh("products");
              assertThat(run.exit()).as(run.err()).isZero();
              assertThat(run.out())
                  .contains("PRODUCT", "STATUS", "FRESHNESS")
                  .contains(DemoDomains.PRODUCTS);
            });
    Run orders = mesh("products", "--domain", "orders");
    assertThat(orders.out()).contains("orders.order-placed").doesNotContain("payments.transaction");
  }

  @Test
  void productShowsContractOwnerSchemaAndMaskedPii() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run run = mesh("product", "orders.order-placed");
              assertThat(run.exit()).as(run.err()).isZero();
              assertThat(run.out())
                  .contains("contract", "1.0.0", "orders-team", "#orders-data")
                  .contains("/customerEmail")
                  .contains("orders.order-placed.raw → orders.order-placed.certified");
            });
    Run unknown = mesh("product", "nope.nothing");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("catalog:", "404");
  }

  @Test
  void lineageShowsTheDeclaredUpstreams() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run run = mesh("lineage", "analytics.revenue-by-hour");
              assertThat(run.exit()).as(run.err()).isZero();
              assertThat(run.out())
                  .contains("orders.order-placed", "payments.transaction", "─feeds→");
            });
    assertThat(mesh("lineage", "analytics.revenue-by-hour", "--dot").out())
        .startsWith("digraph lineage {")
        .contains("-> \"");
  }

  @Test
  void alertsFollowShowsTheSilentProductsFreshnessAlert() {
    Run run = mesh("alerts", "--follow", "--max", "1", "--product", DemoDomains.SILENT_PRODUCT);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("FIRING", DemoDomains.SILENT_PRODUCT, "freshness");
    assertThat(mesh("alerts", "--open").out()).contains(DemoDomains.SILENT_PRODUCT);
  }

  @Test
  void dlqShowsDeadLettersWithReasonsAndRedriveReportsThem() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run run = mesh("dlq", "orders.order-placed", "--payload");
              assertThat(run.exit()).as(run.err()).isZero();
              assertThat(run.out())
                  .containsPattern("p\\d+@\\d+ .* key=.* [A-Z_]+")
                  .containsPattern("from orders\\.order-placed\\.raw:\\d+@\\d+, ")
                  .contains("payload: ")
                  .containsPattern("\\d+ dead letter\\(s\\) in orders.order-placed.dlq: ");
            });
    Run redrive = mesh("dlq", "redrive", "orders.order-placed");
    assertThat(redrive.exit()).as(redrive.err()).isZero();
    assertThat(redrive.out())
        .containsPattern("\\d+ examined under contract 1.0.0: \\d+ certified now");
    // After a redrive, the live dead letters are only those dead-lettered since.
    Run live = mesh("dlq", "orders.order-placed", "--live");
    assertThat(live.exit()).as(live.err()).isZero();
    assertThat(live.out()).contains("live");
  }

  @Test
  void produceCertifiesValidEventsAndConsumeDecodesThemWithPiiMasked() throws IOException {
    String orderId = "ORD-" + (10_000_000 + (int) (Math.random() * 89_999_999));
    Path events = dir.resolve("orders.ndjson");
    Files.writeString(events, order(orderId, "EUR") + "\n" + order(nextId(orderId), "USD") + "\n");
    Run produced = mesh("produce", "orders.order-placed", "--json", events.toString());
    assertThat(produced.exit()).as(produced.out() + produced.err()).isZero();
    assertThat(produced.out()).contains("produced 2 event(s) to orders.order-placed.raw");

    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run consumed = mesh("consume", "orders.order-placed", "--metadata");
              assertThat(consumed.exit()).as(consumed.err()).isZero();
              String line =
                  consumed.out().lines().filter(l -> l.contains(orderId)).findFirst().orElseThrow();
              assertThat(line)
                  .contains("\"mesh.contract.version\":\"1.0.0\"", "\"currency\":\"EUR\"")
                  .doesNotContain("jane." + orderId + "@example.com");
            });
  }

  @Test
  void produceRefusesAnInvalidEventWithEveryViolation() throws IOException {
    Path events = dir.resolve("bad.json");
    Files.writeString(events, order("not-an-order-id", "DOGE"));
    Run refused = mesh("produce", "orders.order-placed", "--json", events.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("Refused (HTTP 422)", "/orderId", "/currency");
  }

  @Test
  void contractDiffExitsNonZeroForABreakingChangeAndNamesTheConsumers() throws IOException {
    // A consumer group reading the certified topic is what a breaking change affects.
    String group = TestTopics.unique("billing-app");
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaTestClients.consumer(dev.kafka(), group)) {
      consumer.subscribe(Set.of("orders.order-placed.certified"));
      await()
          .atMost(BOUND)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200));
                consumer.commitSync();
                return !consumer.assignment().isEmpty()
                    && !consumer.committed(consumer.assignment()).isEmpty();
              });
    }
    Path tighter =
        contract(
            "orders.order-placed",
            "version: 1.0.0",
            "version: 1.1.0",
            "maximum: 500",
            "maximum: 100");
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              Run diff = mesh("contract", "diff", tighter.toString());
              assertThat(diff.exit()).as(diff.out() + diff.err()).isEqualTo(1);
              assertThat(diff.out())
                  .contains("against the registered 1.0.0", "BREAKING", "/itemCount")
                  .contains(group);
            });
  }

  @Test
  void contractDiffExitsZeroForACompatibleChange() throws IOException {
    Path reworded =
        contract(
            "payments.transaction",
            "version: 2.1.0",
            "version: 2.1.1",
            "description:\n  purpose:",
            "description:\n  purpose: Reworded.");
    Run diff = mesh("contract", "diff", reworded.toString());
    assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
    assertThat(diff.out()).contains("against the registered 2.1.0", "no breaking changes");
  }

  @Test
  void contractRegisterEvolvesAProductAndRefusesToRewriteAVersion() throws IOException {
    Path reworded =
        contract(
            "analytics.revenue-by-hour",
            "version: 1.0.0",
            "version: 1.0.1",
            "description:\n  purpose:",
            "description:\n  purpose: Reworded.");
    Run registered = mesh("contract", "register", reworded.toString());
    assertThat(registered.exit()).as(registered.out() + registered.err()).isZero();
    assertThat(registered.out()).contains("registered analytics.revenue-by-hour 1.0.1");
    Run same = mesh("contract", "diff", reworded.toString());
    assertThat(same.out()).contains("against the registered 1.0.1", "no changes");

    // The same version with other content: refused with its reason, nothing changed.
    Path rewritten =
        contract(
            "analytics.revenue-by-hour",
            "version: 1.0.0",
            "version: 1.0.1",
            "description:\n  purpose:",
            "description:\n  purpose: Other words.");
    Run refused = mesh("contract", "register", rewritten.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out())
        .contains("Rejected (HTTP 409)", "CONTRACT_VERSION_CONFLICT at '/version'");
    assertThat(mesh("contract", "diff", reworded.toString()).out()).contains("no changes");
  }

  @Test
  void aCommandExplainsAnUnreachableService() {
    CommandLine cli = MeshMain.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cli.execute("products", "--catalog", "http://localhost:1");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains("Cannot reach the catalog at http://localhost:1", "--catalog")
        .doesNotContain("Exception");
  }

  private Path contract(String product, String... replacements) throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/examples/" + product + ".odcs.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (int i = 0; i < replacements.length; i += 2) {
      assertThat(yaml).as("the example contains " + replacements[i]).contains(replacements[i]);
      yaml = yaml.replace(replacements[i], replacements[i + 1]);
    }
    Path file = dir.resolve(product + "-" + System.nanoTime() + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String nextId(String orderId) {
    return "ORD-" + (Integer.parseInt(orderId.substring(4)) + 1);
  }

  private static String order(String orderId, String currency) {
    return ("{\"orderId\": \"%s\", \"customerId\": \"cust-12345\", \"customerEmail\":"
            + " \"jane.%s@example.com\", \"orderTotal\": 42.50, \"currency\": \"%s\","
            + " \"itemCount\": 2, \"channel\": \"WEB\", \"shippingAddress\": {\"city\": \"Lyon\","
            + " \"postalCode\": \"69001\", \"country\": \"FR\"}, \"placedAt\":"
            + " \"2026-11-21T10:15:30Z\"}")
        .formatted(orderId, orderId, currency);
  }
}
