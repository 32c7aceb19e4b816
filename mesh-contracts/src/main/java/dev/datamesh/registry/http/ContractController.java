package dev.datamesh.registry.http;

import dev.datamesh.registry.auth.AccessPolicy;
import dev.datamesh.registry.auth.AuthConfig;
import dev.datamesh.registry.auth.WriteAccess;
import dev.datamesh.registry.contracts.ContractOperations;
import dev.datamesh.registry.contracts.OwnerCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /contracts}: register, check, read and diff data contracts. Writing needs the owning
 * domain's (or the council's) token; everything else is open. Loading, provisioning and diffing
 * block, so those endpoints run on the blocking executor.
 */
@Controller("/contracts")
@Produces(MediaType.APPLICATION_JSON)
final class ContractController {

  private final ContractOperations contracts;
  private final AuthConfig auth;
  private final AccessPolicy policy;

  ContractController(ContractOperations contracts, AuthConfig auth) {
    this.contracts = contracts;
    this.auth = auth;
    this.policy = AccessPolicy.of(auth);
  }

  @Post
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
  @WriteAccess(ownerInBody = true)
  @ExecuteOn(TaskExecutors.BLOCKING)
  CompletableFuture<HttpResponse<byte[]>> register(
      @Nullable @Body byte[] body, HttpRequest<?> request) {
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    OwnerCheck owner =
        auth.enabled()
            ? product ->
                policy.checkDomain(
                    authorization, product.domain(), "the contract of product " + product)
            : OwnerCheck.ANYONE;
    return ContractReplies.of(contracts.register(body, contentType(request), owner));
  }

  @Post("/check")
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> check(@Nullable @Body byte[] body, HttpRequest<?> request) {
    return ContractReplies.of(contracts.check(body, contentType(request)));
  }

  @Get
  HttpResponse<byte[]> list(HttpRequest<?> request) {
    return ContractReplies.ok(
        contracts.list(Params.text(request, "domain"), Params.text(request, "status")));
  }

  @Get("/{productId}")
  HttpResponse<byte[]> latest(@PathVariable String productId) {
    return ContractReplies.of(contracts.latest(productId));
  }

  @Get("/{productId}/versions")
  HttpResponse<byte[]> versions(@PathVariable String productId) {
    return ContractReplies.of(contracts.versions(productId));
  }

  @Get("/{productId}/versions/{version}")
  HttpResponse<byte[]> version(@PathVariable String productId, @PathVariable String version) {
    return ContractReplies.of(contracts.version(productId, version));
  }

  @Get("/{productId}/diff")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> diff(@PathVariable String productId, HttpRequest<?> request) {
    return ContractReplies.of(
        contracts.diff(productId, Params.text(request, "from"), Params.text(request, "to")));
  }

  private static String contentType(HttpRequest<?> request) {
    return request.getContentType().map(MediaType::toString).orElse(null);
  }
}
