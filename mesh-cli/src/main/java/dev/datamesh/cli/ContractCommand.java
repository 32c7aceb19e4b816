package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.contracts.policy.PolicyLoadResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    description = "Lint and register ODCS data contracts.",
    subcommands = {ContractCommand.Lint.class, ContractCommand.Register.class})
final class ContractCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing command: lint or register");
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
      if (!Files.isReadable(file)) {
        console.line("Cannot read " + file + ": no such readable file");
        return VIOLATIONS;
      }
      ContractLoadResult result = ContractLoader.create(rules).load(Files.readAllBytes(file));
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

    @Option(
        names = "--registry",
        defaultValue = "${env:MESH_REGISTRY_URL:-http://localhost:8081}",
        description = "Registry URL. Default: $MESH_REGISTRY_URL or http://localhost:8081.")
    String registry;

    @Option(
        names = "--token",
        defaultValue = "${env:MESH_TOKEN}",
        description = "Bearer token of the owning domain. Default: $MESH_TOKEN.")
    String token;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Console console = new Console(spec.commandLine().getOut());
      if (!Files.isReadable(file)) {
        console.line("Cannot read " + file + ": no such readable file");
        return VIOLATIONS;
      }
      String body = Files.readString(file);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(registry.replaceAll("/$", "") + "/contracts"))
              .timeout(Duration.ofSeconds(60))
              .header(
                  "Content-Type",
                  body.trim().startsWith("{") ? "application/json" : "application/yaml")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null && !token.isBlank()) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response;
      try {
        response =
            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        console.line("Cannot reach the registry at " + registry + ": " + e.getMessage());
        return VIOLATIONS;
      }
      JsonNode json = parse(response.body());
      if (response.statusCode() == 200) {
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
      console.line(
          "Rejected (HTTP "
              + response.statusCode()
              + "): "
              + json.path("message").asText(response.body()));
      for (JsonNode v : json.path("violations")) {
        console.line(
            "  "
                + v.path("code").asText()
                + " at '"
                + v.path("pointer").asText()
                + "': "
                + v.path("message").asText());
      }
      return VIOLATIONS;
    }
  }

  static String describe(ContractViolation v) {
    return v.errorCode() + " at '" + v.pointer() + "': " + v.message();
  }

  private static JsonNode parse(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      return new ObjectMapper().createObjectNode().put("message", body);
    }
  }
}
