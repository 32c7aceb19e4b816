package dev.datamesh.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.datamesh.contracts.client.RegisteredContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's contracts API ({@code GET /contracts}, {@code GET /contracts/{productId}}, as
 * {@code ContractCatalog.http} reads it) served from memory, so lineage tests exercise the
 * production contract watcher over HTTP without depending on the registry's endpoints.
 */
final class FakeRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, RegisteredContract> contracts = new ConcurrentHashMap<>();
  private final HttpServer server;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/contracts", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void register(RegisteredContract contract) {
    contracts.put(contract.productId(), contract);
  }

  void remove(String productId) {
    contracts.remove(productId);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/contracts") || path.equals("/contracts/")) {
      ArrayNode list = JSON.createArrayNode();
      contracts
          .values()
          .forEach(
              c ->
                  list.addObject()
                      .put("productId", c.productId())
                      .put("version", c.version())
                      .put("status", c.contract().status().odcsValue())
                      .put("registeredAt", c.registeredAt().toString()));
      reply(exchange, 200, list.toString());
      return;
    }
    String id = URLDecoder.decode(path.substring("/contracts/".length()), StandardCharsets.UTF_8);
    RegisteredContract c = contracts.get(id);
    if (c == null) {
      reply(exchange, 404, "{\"error_code\":40401,\"message\":\"no contract\"}");
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("productId", c.productId());
    body.put("version", c.version());
    body.put("schemaId", c.schemaId());
    body.put("registeredAt", c.registeredAt().toString());
    body.set("document", c.contract().document());
    reply(exchange, 200, body.toString());
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
