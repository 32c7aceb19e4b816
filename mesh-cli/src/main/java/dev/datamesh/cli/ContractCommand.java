package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.contracts.policy.PolicyLoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh contract lint|register}: work with ODCS data contracts. */
@Command(
    name = "contract",
    mixinStandardHelpOptions = true,
    description = "Lint, diff and register ODCS data contracts.",
    subcommands = {
      ContractCommand.Lint.class,
      ContractCommand.Diff.class,
      ContractCommand.Register.class
    })
final class ContractCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing command: lint, diff or register");
  }

  /** Exit codes: 0 clean, 1 violations found, 2 usage error (picocli). */
  static final int VIOLATIONS = 1;

  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      description = {
        "Check a contract against the ODCS v3.1 schema, the mesh profile and the governance",
        "policies, offline, listing every problem. Exit code 1 if there is any."
      })
  static final class Lint implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The contract (YAML or JSON).")
    Path file;

    @Option(
        names = "--policies",
        paramLabel = "FILE",
        description = "A council policy file. Default: the mesh's default policies.")
    Path policies;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Console console = new Console(spec.commandLine().getOut());
      GovernancePolicies rules = GovernancePolicies.defaults();
      if (policies != null) {
        PolicyLoadResult loaded = GovernancePolicies.parse(Files.readString(policies));
        if (loaded.policies().isEmpty()) {
          loaded.violations().forEach(v -> console.line("  " + describe(v)));
          console.line("The policy file " + policies + " is invalid.");
          return VIOLATIONS;
        }
        rules = loaded.policies().get();
      }
      ContractLoadResult result = ContractLoader.create(rules).load(CliFailure.readText(file));
      if (result.valid()) {
        console.ok(
            file
                + ": valid ("
                + result.contract().orElseThrow().productId()
                + " "
                + result.contract().orElseThrow().version()
                + ")");
        return 0;
      }
      console.line(file + ": " + result.violations().size() + " problem(s)");
      for (ContractViolation v : result.violations()) {
        console.line("  " + describe(v));
      }
      return VIOLATIONS;
    }
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = "Register (or evolve) a contract with the registry.")
  static final class Register implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The contract (YAML or JSON).")
    Path file;

    @picocli.CommandLine.Mixin Endpoints.Registry registry;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Console console = new Console(spec.commandLine().getOut());
      String body = CliFailure.readText(file);
      MeshHttp.Answer answer = registry.http().post("/contracts", mediaType(body), body);
      JsonNode json = answer.json();
      if (answer.ok()) {
        console.ok(
            "registered "
                + json.path("productId").asText()
                + " "
                + json.path("version").asText()
                + " (schema id "
                + json.path("schemaId").asText()
                + ")");
        json.path("topics")
            .fields()
            .forEachRemaining(t -> console.field(t.getKey(), t.getValue().asText()));
        return 0;
      }
      console.line("Rejected (HTTP " + answer.status() + "): " + answer.message());
      json.path("violations").forEach(v -> console.line("  " + describe(v)));
      return VIOLATIONS;
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "Compare a contract with the product's registered version, without registering it:",
        "schema compatibility, field, rule, quality and SLA changes. Breaking changes are listed",
        "with the consumer groups they affect. Exit code 1 if anything breaks (or it would be",
        "refused), 0 otherwise."
      })
  static final class Diff implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The new contract (YAML or JSON).")
    Path file;

    @picocli.CommandLine.Mixin Endpoints.Registry registry;
    @picocli.CommandLine.Mixin Endpoints.Catalog catalog;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Console console = new Console(spec.commandLine().getOut());
      String body = CliFailure.readText(file);
      MeshHttp http = registry.http();
      JsonNode check = http.requireOk(http.post("/contracts/check", mediaType(body), body));
      String productId = check.path("productId").asText("");
      if (productId.isEmpty()) {
        console.line(file + " does not load as a contract:");
        check.path("violations").forEach(v -> console.line("  " + describe(v)));
        return VIOLATIONS;
      }
      MeshHttp.Answer registered = http.get("/contracts/" + MeshHttp.segment(productId));
      if (registered.status() == 404) {
        console.ok(
            productId
                + " "
                + check.path("version").asText()
                + " is a new product: nothing to break");
        return reportViolations(console, check) ? VIOLATIONS : 0;
      }
      console.line(
          productId
              + " "
              + check.path("version").asText()
              + " against the registered "
              + http.requireOk(registered).path("version").asText()
              + ":");
      int breaking = 0;
      for (JsonNode change : check.path("changes")) {
        boolean breaks = change.path("breaking").asBoolean();
        breaking += breaks ? 1 : 0;
        console.line(
            String.format(
                "  %-9s %s at '%s': %s",
                breaks ? "BREAKING" : "",
                change.path("kind").asText(),
                change.path("pointer").asText(),
                change.path("message").asText()));
      }
      if (check.path("changes").isEmpty()) {
        console.line("  no changes");
      }
      JsonNode compatibility = check.path("compatibility");
      boolean compatible = compatibility.path("compatible").asBoolean(true);
      console.line("schema: " + (compatible ? "compatible" : "INCOMPATIBLE"));
      compatibility.path("messages").forEach(m -> console.line("  " + m.asText()));
      boolean refused = reportViolations(console, check);
      if (breaking > 0 || !compatible) {
        console.line("Affects: " + consumers(productId));
        console.line(
            "✘ "
                + breaking
                + " breaking change(s)"
                + (compatible ? "" : " and an incompatible schema")
                + ": publish a new major version or a new product instead.");
        return VIOLATIONS;
      }
      if (refused) {
        return VIOLATIONS;
      }
      console.ok("no breaking changes");
      return 0;
    }

    /** Lists why registration would refuse it; true if it would. */
    private static boolean reportViolations(Console console, JsonNode check) {
      if (check.path("violations").isEmpty()) {
        return false;
      }
      console.line("Registration would refuse it:");
      check.path("violations").forEach(v -> console.line("  " + describe(v)));
      return true;
    }

    private String consumers(String productId) {
      try {
        JsonNode answer =
            catalog.http().getOk("/api/products/" + MeshHttp.segment(productId) + "/consumers");
        java.util.List<String> groups = new java.util.ArrayList<>();
        answer.path("consumers").forEach(c -> groups.add(c.path("groupId").asText()));
        return groups.isEmpty()
            ? "no consumer groups read " + productId + " yet"
            : "consumer groups " + String.join(", ", groups);
      } catch (CliFailure e) {
        return "unknown consumers (" + e.getMessage() + ")";
      }
    }
  }

  /** JSON if the document looks like JSON, else YAML (the registry takes both). */
  static String mediaType(String body) {
    return body.trim().startsWith("{") ? "application/json" : "application/yaml";
  }

  /** One violation of a registry or gateway answer: {@code code at 'pointer': message}. */
  static String describe(JsonNode v) {
    return v.path("code").asText()
        + " at '"
        + v.path("pointer").asText()
        + "': "
        + v.path("message").asText();
  }

  static String describe(ContractViolation v) {
    return v.errorCode() + " at '" + v.pointer() + "': " + v.message();
  }
}
