package dev.datamesh.lineage.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.datamesh.lineage.catalog.Subscriber;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionPollerTest {
  private final HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>("[]");
  private final AtomicReference<String> authorization = new AtomicReference<>();

  SubscriptionPollerTest() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/subscriptions",
        exchange -> {
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          int status = exchange.getRequestURI().getQuery().equals("status=APPROVED") ? 200 : 400;
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void approvedSubscriptionsOfTheRegistryBecomeSubscribers() {
    body.set(
        "[{\"productId\":\"orders.placed\",\"consumer\":\"analytics\",\"principal\":\"User:a\","
            + "\"status\":\"APPROVED\"},{\"productId\":\"orders.placed\",\"consumer\":\"x\","
            + "\"status\":\"REVOKED\"}]");
    try (SubscriptionPoller poller = poller(Optional.of("t0ken"))) {
      assertThat(poller.poll())
          .contains(List.of(new Subscriber("orders.placed", "analytics", "User:a")));
      assertThat(authorization.get()).isEqualTo("Bearer t0ken");
    }
  }

  @Test
  void anUnreachableOrFailingRegistryChangesNothing() {
    body.set("not json");
    try (SubscriptionPoller poller = poller(Optional.empty())) {
      assertThat(poller.poll()).isEmpty();
    }
    try (SubscriptionPoller poller =
        SubscriptionPoller.start(
            URI.create("http://127.0.0.1:1"), Optional.empty(), Duration.ofHours(1), s -> {})) {
      assertThat(poller.poll()).isEmpty();
    }
  }

  private SubscriptionPoller poller(Optional<String> token) {
    return SubscriptionPoller.start(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        token,
        Duration.ofHours(1),
        s -> {});
  }
}
