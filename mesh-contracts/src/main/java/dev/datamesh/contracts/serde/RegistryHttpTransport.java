package dev.datamesh.contracts.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to a Confluent-compatible registry: the media type, auth header, timeouts, error
 * bodies and fail-over between URLs. Thread-safe; requests are asynchronous.
 */
final class RegistryHttpTransport {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpTransport.class);

  private final HttpClient http;
  private final SchemaRegistryClientConfig config;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final String authorization;

  RegistryHttpTransport(SchemaRegistryClientConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.authorization = authorization(config);
  }

  ObjectMapper json() {
    return json;
  }

  /** A subject as one URL path segment. */
  static String segment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  CompletableFuture<JsonNode> get(String pathAndQuery) {
    return send(pathAndQuery, null, 0);
  }

  CompletableFuture<JsonNode> post(String pathAndQuery, Object body) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON-serializable", e);
    }
    return send(pathAndQuery, text, 0);
  }

  private CompletableFuture<JsonNode> send(String pathAndQuery, String body, int urlIndex) {
    List<URI> urls = config.urls();
    HttpRequest request = request(URI.create(urls.get(urlIndex) + pathAndQuery), body);
    LOG.debug("{} {}", request.method(), request.uri());
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(parse(request, response));
              }
              Throwable cause =
                  failure instanceof CompletionException ? failure.getCause() : failure;
              if (cause instanceof IOException && urlIndex + 1 < urls.size()) {
                LOG.warn(
                    "registry {} unreachable ({}), trying the next URL",
                    urls.get(urlIndex),
                    cause.toString());
                return send(pathAndQuery, body, urlIndex + 1);
              }
              return CompletableFuture.<JsonNode>failedFuture(
                  new SchemaRegistryException(
                      SchemaRegistryException.NO_RESPONSE,
                      SchemaRegistryException.NO_RESPONSE,
                      request.method() + " " + request.uri() + " got no response: " + cause,
                      cause));
            })
        .thenCompose(f -> f);
  }

  private HttpRequest request(URI uri, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", ACCEPT)
            .header("Content-Type", MEDIA_TYPE);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return body == null
        ? builder.GET().build()
        : builder.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private JsonNode parse(HttpRequest request, HttpResponse<String> response) {
    JsonNode node = readTree(response.body());
    int status = response.statusCode();
    if (status == 200 && node != null) {
      return node;
    }
    String what = request.method() + " " + request.uri().getRawPath();
    if (node != null && node.hasNonNull("error_code")) {
      throw new SchemaRegistryException(
          status, node.get("error_code").asInt(), what + ": " + node.path("message").asText(""));
    }
    throw new SchemaRegistryException(
        status,
        SchemaRegistryException.UNPARSABLE_ERROR_BODY,
        what + ": unexpected response " + abbreviate(response.body()));
  }

  private JsonNode readTree(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "(no body)";
    }
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }

  private static String authorization(SchemaRegistryClientConfig config) {
    if (config.bearerToken().isPresent()) {
      return "Bearer " + config.bearerToken().get();
    }
    return config
        .basicUserInfo()
        .map(
            userInfo ->
                "Basic "
                    + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
        .orElse(null);
  }
}
