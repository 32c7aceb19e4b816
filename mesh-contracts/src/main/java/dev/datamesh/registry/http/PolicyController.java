package dev.datamesh.registry.http;

import dev.datamesh.registry.auth.WriteAccess;
import dev.datamesh.registry.contracts.PolicyOperations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import java.util.concurrent.CompletableFuture;

/** {@code /policies}: the council's policies; reading is open, replacing needs the council. */
@Controller("/policies")
@Produces(MediaType.APPLICATION_JSON)
final class PolicyController {
  private final PolicyOperations policies;

  PolicyController(PolicyOperations policies) {
    this.policies = policies;
  }

  @Get
  HttpResponse<byte[]> current() {
    return ContractReplies.ok(policies.current());
  }

  @Put
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
  @WriteAccess(global = true)
  CompletableFuture<HttpResponse<byte[]>> replace(
      @Nullable @Body byte[] body, HttpRequest<?> request) {
    return ContractReplies.of(
        policies.replace(body, request.getContentType().map(MediaType::toString).orElse(null)));
  }
}
