package dev.datamesh.lineage.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.lineage.catalog.Subscriber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SubscriptionPoller} with the JDK HTTP client. */
final class HttpSubscriptionPoller implements SubscriptionPoller {
  private static final Logger LOG = LoggerFactory.getLogger(HttpSubscriptionPoller.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final Optional<String> bearerToken;
  private final ScheduledExecutorService timer;

  HttpSubscriptionPoller(
      URI registry,
      Optional<String> bearerToken,
      Duration interval,
      Consumer<List<Subscriber>> sink) {
    String base = registry.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/subscriptions?status=APPROVED");
    this.bearerToken = bearerToken;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mesh-lineage-subscriptions");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> poll().ifPresent(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<List<Subscriber>> poll() {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(10))
              .header("Accept", "application/json")
              .GET();
      bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.debug("GET {} answered {}", endpoint, response.statusCode());
        return Optional.empty();
      }
      List<Subscriber> out = new ArrayList<>();
      for (JsonNode s : JSON.readTree(response.body())) {
        if ("APPROVED".equals(s.path("status").asText())) {
          out.add(
              new Subscriber(
                  s.path("productId").asText(),
                  s.path("consumer").asText(),
                  s.path("principal").asText()));
        }
      }
      return Optional.of(List.copyOf(out));
    } catch (IOException | RuntimeException e) {
      LOG.debug("polling {} failed: {}", endpoint, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
