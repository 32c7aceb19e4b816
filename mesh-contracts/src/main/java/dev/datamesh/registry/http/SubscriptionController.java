package dev.datamesh.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.auth.AccessPolicy;
import dev.datamesh.registry.auth.AuthConfig;
import dev.datamesh.registry.auth.Caller;
import dev.datamesh.registry.auth.WriteAccess;
import dev.datamesh.registry.contracts.ContractError;
import dev.datamesh.registry.subscriptions.SubscriptionOperations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Subscriptions to data products. A consumer domain asks with its own token ({@code POST
 * /products/{id}/subscriptions}); the owning domain (or the council) approves ({@code POST
 * .../{consumer}/approve}); the owner, the consumer or the council revokes ({@code DELETE
 * .../{consumer}}). Reading is open. With {@code mesh.registry.auth.enabled=false} anyone may do
 * anything and the consumer is named in the body. ACLs block, so writes run on the blocking
 * executor.
 */
@Controller
@Produces(MediaType.APPLICATION_JSON)
final class SubscriptionController {
  private static final String ANONYMOUS = "anonymous";

  private final SubscriptionOperations subscriptions;
  private final AuthConfig auth;
  private final AccessPolicy policy;

  SubscriptionController(SubscriptionOperations subscriptions, AuthConfig auth) {
    this.subscriptions = subscriptions;
    this.auth = auth;
    this.policy = AccessPolicy.of(auth);
  }

  @Post("/products/{productId}/subscriptions")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
  @WriteAccess(ownerInBody = true)
  @ExecuteOn(TaskExecutors.BLOCKING)
  CompletableFuture<HttpResponse<byte[]>> request(
      @PathVariable String productId, @Nullable @Body byte[] body, HttpRequest<?> request) {
    JsonNode json;
    try {
      json = body == null || body.length == 0 ? null : RegistryJson.mapper().readTree(body);
    } catch (IOException e) {
      return done(
          ContractError.of(
              RegistryErrorCode.MALFORMED_REQUEST,
              "The body must be a JSON object: " + e.getMessage()));
    }
    String named = json == null ? null : text(json, "consumer");
    String purpose = json == null ? "" : Optional.ofNullable(text(json, "purpose")).orElse("");
    Optional<Caller> caller = caller(request);
    String consumer;
    if (caller.isEmpty() || caller.get().council()) {
      if (named == null) {
        return done(
            ContractError.of(
                RegistryErrorCode.INVALID_SUBSCRIPTION,
                "Name the consumer domain: {\"consumer\": \"<domain>\"}"));
      }
      consumer = named;
    } else {
      consumer = caller.get().domain();
      if (named != null && !named.equals(consumer)) {
        return done(
            ContractError.of(
                RegistryErrorCode.FORBIDDEN,
                "Forbidden: the token of domain '"
                    + consumer
                    + "' may not subscribe for domain '"
                    + named
                    + "'"));
      }
    }
    return ContractReplies.of(subscriptions.request(productId, consumer, purpose));
  }

  @Post("/products/{productId}/subscriptions/{consumer}/approve")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
  @WriteAccess(ownerInBody = true)
  @ExecuteOn(TaskExecutors.BLOCKING)
  CompletableFuture<HttpResponse<byte[]>> approve(
      @PathVariable String productId, @PathVariable String consumer, HttpRequest<?> request) {
    Optional<Caller> caller = caller(request);
    String owner = ProductId.parse(productId).map(ProductId::domain).orElse("");
    if (caller.isPresent() && !caller.get().actsFor(owner)) {
      return done(forbidden(caller.get(), "approve subscriptions to " + productId, owner));
    }
    return ContractReplies.of(subscriptions.approve(productId, consumer, name(caller)));
  }

  @Delete("/products/{productId}/subscriptions/{consumer}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
  @WriteAccess(ownerInBody = true)
  @ExecuteOn(TaskExecutors.BLOCKING)
  CompletableFuture<HttpResponse<byte[]>> revoke(
      @PathVariable String productId, @PathVariable String consumer, HttpRequest<?> request) {
    Optional<Caller> caller = caller(request);
    String owner = ProductId.parse(productId).map(ProductId::domain).orElse("");
    if (caller.isPresent()
        && !caller.get().actsFor(owner)
        && !caller.get().domain().equals(consumer)) {
      return done(forbidden(caller.get(), "revoke the subscription of '" + consumer + "'", owner));
    }
    return ContractReplies.of(subscriptions.revoke(productId, consumer, name(caller)));
  }

  @Get("/products/{productId}/subscriptions")
  HttpResponse<byte[]> list(@PathVariable String productId) {
    return ContractReplies.of(subscriptions.list(productId));
  }

  @Get("/subscriptions")
  HttpResponse<byte[]> all(HttpRequest<?> request) {
    return ContractReplies.ok(
        subscriptions.all(Params.text(request, "status"), Params.text(request, "consumer")));
  }

  /** The token's owner; empty when auth is off (the filter already refused unknown tokens). */
  private Optional<Caller> caller(HttpRequest<?> request) {
    if (!auth.enabled()) {
      return Optional.empty();
    }
    return policy.identify(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
  }

  private static String name(Optional<Caller> caller) {
    return caller.map(Caller::name).orElse(ANONYMOUS);
  }

  private static ContractError forbidden(Caller caller, String what, String owner) {
    return ContractError.of(
        RegistryErrorCode.FORBIDDEN,
        "Forbidden: the token of "
            + (caller.council() ? "the council" : "domain '" + caller.domain() + "'")
            + " may not "
            + what
            + ", which belongs to domain '"
            + owner
            + "'");
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.path(field);
    return node.isTextual() && !node.textValue().isBlank() ? node.textValue().trim() : null;
  }

  private static CompletableFuture<HttpResponse<byte[]>> done(ContractError error) {
    return CompletableFuture.completedFuture(ContractReplies.error(error));
  }
}
