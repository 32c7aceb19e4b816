package dev.datamesh.contracts.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ContractCatalog} over {@code java.net.http} and Jackson. */
final class HttpContractCatalog implements ContractCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Optional<String> token;
  private final Duration timeout;
  private final HttpClient http;
  private final ContractLoader loader = ContractLoader.create();

  HttpContractCatalog(URI base, Optional<String> token, Duration timeout) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public List<ContractSummary> list() {
    JsonNode body =
        fetch("contracts").orElseThrow(() -> new ContractCatalogException("GET /contracts: 404"));
    if (!body.isArray()) {
      throw new ContractCatalogException("GET /contracts did not answer a JSON array");
    }
    List<ContractSummary> summaries = new ArrayList<>();
    for (JsonNode node : body) {
      summaries.add(
          new ContractSummary(
              text(node, "productId"),
              text(node, "version"),
              node.path("status").asText(""),
              instant(node.path("registeredAt"))));
    }
    return summaries;
  }

  @Override
  public Optional<RegisteredContract> get(String productId) {
    return fetch("contracts/" + URLEncoder.encode(productId, StandardCharsets.UTF_8))
        .map(node -> toContract(productId, node));
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close on Java 17; its threads end when it is unreachable.
  }

  private RegisteredContract toContract(String productId, JsonNode node) {
    JsonNode document = node.path("document");
    if (!document.isObject()) {
      throw new ContractCatalogException("contract of " + productId + " has no document");
    }
    ContractLoadResult loaded = loader.load(document.toString());
    if (!loaded.valid()) {
      throw new ContractCatalogException(
          "the registry's contract of "
              + productId
              + " does not load: "
              + loaded.violations().stream()
                  .map(ContractViolation::toString)
                  .collect(Collectors.joining("; ")));
    }
    return new RegisteredContract(
        text(node, "productId"),
        text(node, "version"),
        node.path("schemaId").asInt(0),
        instant(node.path("registeredAt")),
        loaded.contract().orElseThrow());
  }

  private Optional<JsonNode> fetch(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ContractCatalogException(
          "registry at " + base + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContractCatalogException("interrupted reading " + path, e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new ContractCatalogException(
          "GET /"
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new ContractCatalogException("GET /" + path + " answered malformed JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new ContractCatalogException("contract entry lacks '" + field + "': " + node);
    }
    return value.asText();
  }

  private static Instant instant(JsonNode node) {
    try {
      return node.isTextual() ? Instant.parse(node.asText()) : Instant.EPOCH;
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
