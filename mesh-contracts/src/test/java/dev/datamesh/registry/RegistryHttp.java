package dev.datamesh.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client of the registry's Confluent API for ITs (plain java.net.http). */
public final class RegistryHttp {
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String authorization;

  /** One answer: status, content type and body (parsed as JSON when possible). */
  public record Reply(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public int errorCode() {
      return json().path("error_code").asInt(-1);
    }

    public String message() {
      return json().path("message").asText();
    }
  }

  public RegistryHttp(String base) {
    this(base, null);
  }

  public RegistryHttp(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same client sending {@code Authorization: <authorization>}. */
  public RegistryHttp withAuthorization(String authorization) {
    return new RegistryHttp(base, authorization);
  }

  public Reply get(String path) {
    return send("GET", path, null, CONTENT_TYPE);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body, CONTENT_TYPE);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body, CONTENT_TYPE);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, CONTENT_TYPE);
  }

  public Reply send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, CONTENT_TYPE);
  }

  /** A request with an explicit {@code Accept} header (the contracts API answers JSON). */
  public Reply send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.header("Accept", accept);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path + " interrupted", e);
    }
  }

  /** {@code {"schema": "<schema>"}} plus any extra top-level fields. */
  public static String schemaBody(String schema, Map<String, Object> extra) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
      o.put("schema", schema);
      extra.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  public static String schemaBody(String schema) {
    return schemaBody(schema, Map.of());
  }

  /** A record schema {@code name} with string fields {@code fields} (no defaults). */
  public static String record(String name, String... fields) {
    StringBuilder sb =
        new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
    for (int i = 0; i < fields.length; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(fields[i])
          .append("\",\"type\":\"string\"}");
    }
    return sb.append("]}").toString();
  }
}
