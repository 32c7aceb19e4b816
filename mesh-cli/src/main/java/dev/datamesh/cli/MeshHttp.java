package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP to one mesh service, for the operator commands. An unreachable service or a failed
 * call becomes a {@link CliFailure} that names the service and how to point at it.
 */
final class MeshHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String service;
  private final String base;
  private final String token;
  private final String option;

  /** An answer: its status and body ({@code json} is an empty object if the body is not JSON). */
  record Answer(int status, JsonNode json, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** The service's own error message ({@code {error_code, message}}), else the body. */
    String message() {
      String message = json.path("message").asText("");
      return message.isEmpty() ? body : message;
    }
  }

  MeshHttp(String service, String base, String token, String option) {
    this.service = service;
    this.base = base.replaceAll("/+$", "");
    this.token = token;
    this.option = option;
  }

  /** A path segment, encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** GET that must succeed; anything else is a {@link CliFailure} with the service's message. */
  JsonNode getOk(String path) {
    return requireOk(get(path));
  }

  JsonNode requireOk(Answer answer) {
    if (!answer.ok()) {
      throw new CliFailure(service + ": " + answer.message() + " (HTTP " + answer.status() + ")");
    }
    return answer.json();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", "application/json");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private Answer send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliFailure(
          "Cannot reach the "
              + service
              + " at "
              + base
              + " ("
              + reason(e)
              + "). Is the mesh running (./mesh dev)? Point at it with "
              + option
              + " URL.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("Interrupted while calling the " + service);
    }
    return new Answer(response.statusCode(), parse(response.body()), response.body());
  }

  private static String reason(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    return e.getMessage() == null ? "connection failed" : e.getMessage();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
