package dev.datamesh.gateway;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.topics.RedriveReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * {@code POST /products/{productId}/dlq/redrive}: re-validates the product's live dead letters
 * against its current contract and certifies those that now pass (see {@link RedriveService}).
 * Needs the owning domain's token when auth is on. Answers the {@link RedriveReport}.
 */
@Controller("/products")
final class DeadLetterController {
  private final GatewayService gateway;
  private final RedriveService redrive;
  private final GatewayAuthConfig.GatewayAccess access;

  DeadLetterController(GatewayService gateway, RedriveService redrive, GatewayAuthConfig auth) {
    this.gateway = gateway;
    this.redrive = redrive;
    this.access = auth.access();
  }

  @Post(uri = "/{productId}/dlq/redrive", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> redrive(
      @PathVariable String productId,
      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
    Optional<ActiveProduct> product = gateway.product(productId);
    ApiReply reply;
    if (product.isEmpty()) {
      reply =
          ApiReply.error(
              404, 40461, "no data product '" + productId + "' with a registered contract");
    } else {
      Optional<RegistryError> denied =
          access.check(
              authorization, product.get().registered().contract().topics().rawValueSubject());
      if (denied.isPresent()) {
        RegistryError e = denied.get();
        reply = ApiReply.error(e.code().httpStatus(), e.code().errorCode(), e.message());
      } else {
        try {
          reply = ApiReply.ok(200, redrive.redrive(product.get()));
        } catch (RuntimeException e) {
          reply =
              ApiReply.error(503, 50302, "redrive failed and was rolled back: " + e.getMessage());
        }
      }
    }
    return HttpResponse.<String>status(HttpStatus.valueOf(reply.status()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(reply.json());
  }
}
