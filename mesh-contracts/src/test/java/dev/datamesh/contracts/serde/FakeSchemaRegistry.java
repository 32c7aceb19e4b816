package dev.datamesh.contracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;

/**
 * A tiny in-memory stand-in for a Confluent-compatible registry, serving the endpoints a serde
 * calls (register, lookup, schema by id and GUID, latest version) and recording every request, so
 * tests can count them. Test code only; the real registry is {@code dev.datamesh.registry}.
 */
final class FakeSchemaRegistry implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(
      String method, String path, String contentType, String authorization, String body) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<Integer, String> textById = new HashMap<>();
  private final Map<Integer, UUID> guidById = new HashMap<>();
  private final Map<String, List<Integer>> versions = new HashMap<>();
  private int nextId;
  private volatile Duration delay = Duration.ZERO;
  private volatile int failStatus;
  private volatile String failBody;

  private FakeSchemaRegistry(int firstId) throws IOException {
    this.nextId = firstId;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static FakeSchemaRegistry start() {
    return start(1);
  }

  /** A registry whose first assigned id is {@code firstId}. */
  static FakeSchemaRegistry start(int firstId) {
    try {
      return new FakeSchemaRegistry(firstId);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Registers directly (no HTTP request recorded); returns the id. */
  synchronized int register(String subject, Schema schema) {
    return registerText(subject, schema.toString());
  }

  synchronized UUID guidOf(int id) {
    return guidById.get(id);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  long count(String method, String pathPrefix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  /** Every response waits this long first (to make concurrent callers overlap). */
  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Every following request gets this status and raw body. */
  void failWith(int status, String body) {
    this.failBody = body;
    this.failStatus = status;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      sleep();
      if (failStatus != 0) {
        respond(exchange, failStatus, failBody);
        return;
      }
      Reply reply = route(exchange.getRequestMethod(), segments(path), body);
      respond(exchange, reply.status(), json.writeValueAsString(reply.body()));
    }
  }

  private record Reply(int status, JsonNode body) {}

  private synchronized Reply route(String method, List<String> s, String body) throws IOException {
    if (method.equals("GET")
        && s.size() == 3
        && s.get(0).equals("schemas")
        && s.get(1).equals("ids")) {
      return schemaById(Integer.parseInt(s.get(2)));
    }
    if (method.equals("GET")
        && s.size() == 3
        && s.get(0).equals("schemas")
        && s.get(1).equals("guids")) {
      UUID guid = UUID.fromString(s.get(2));
      return guidById.entrySet().stream()
          .filter(e -> e.getValue().equals(guid))
          .findFirst()
          .map(e -> schemaById(e.getKey()))
          .orElse(error(404, 40403, "Schema not found"));
    }
    if (s.size() >= 2 && s.get(0).equals("subjects")) {
      String subject = s.get(1);
      if (method.equals("POST") && s.size() == 3 && s.get(2).equals("versions")) {
        int id = registerText(subject, json.readTree(body).get("schema").asText());
        return ok(json.createObjectNode().put("id", id));
      }
      if (method.equals("POST") && s.size() == 2) {
        return lookup(subject, json.readTree(body).get("schema").asText());
      }
      if (method.equals("GET") && s.size() == 4 && s.get(3).equals("latest")) {
        List<Integer> ids = versions.get(subject);
        if (ids == null) {
          return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        return ok(version(subject, ids.size()));
      }
    }
    return error(404, 404, "HTTP 404 Not Found");
  }

  private Reply schemaById(int id) {
    String text = textById.get(id);
    if (text == null) {
      return error(404, 40403, "Schema " + id + " not found");
    }
    return ok(json.createObjectNode().put("schema", text).put("guid", guidById.get(id).toString()));
  }

  private Reply lookup(String subject, String text) {
    List<Integer> ids = versions.get(subject);
    if (ids == null) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    Integer id = idsByText.get(canonical(text));
    if (id == null || !ids.contains(id)) {
      return error(404, 40403, "Schema not found");
    }
    return ok(version(subject, ids.indexOf(id) + 1));
  }

  private ObjectNode version(String subject, int version) {
    int id = versions.get(subject).get(version - 1);
    return json.createObjectNode()
        .put("subject", subject)
        .put("version", version)
        .put("id", id)
        .put("schema", textById.get(id));
  }

  private int registerText(String subject, String text) {
    String canonical = canonical(text);
    Integer id = idsByText.get(canonical);
    if (id == null) {
      id = nextId++;
      idsByText.put(canonical, id);
      textById.put(id, canonical);
      guidById.put(id, UUID.randomUUID());
    }
    List<Integer> ids = versions.computeIfAbsent(subject, k -> new ArrayList<>());
    if (!ids.contains(id)) {
      ids.add(id);
    }
    return id;
  }

  private static String canonical(String text) {
    return new Schema.Parser().parse(text).toString();
  }

  private Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  private Reply error(int status, int code, String message) {
    return new Reply(
        status, json.createObjectNode().put("error_code", code).put("message", message));
  }

  private static List<String> segments(String rawPath) {
    List<String> result = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        result.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    return result;
  }

  private void sleep() {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RegistryHttpTransport.MEDIA_TYPE);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
