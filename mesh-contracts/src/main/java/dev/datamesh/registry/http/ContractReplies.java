package dev.datamesh.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.contracts.ContractError;
import dev.datamesh.registry.contracts.ContractOutcome;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers of the contracts API: {@code application/json}, errors as {@code {"error_code",
 * "message", "violations"?, "compatibility"?}}.
 */
final class ContractReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ContractReplies.class);

  private ContractReplies() {}

  static MutableHttpResponse<byte[]> ok(Object body) {
    return json(HttpStatus.OK, body);
  }

  static MutableHttpResponse<byte[]> of(ContractOutcome<?> outcome) {
    if (outcome instanceof ContractOutcome.Ok<?> ok) {
      return ok(ok.value());
    }
    return error(((ContractOutcome.Refused<?>) outcome).error());
  }

  static CompletableFuture<HttpResponse<byte[]>> of(
      CompletableFuture<? extends ContractOutcome<?>> pending) {
    return pending.handle(
        (outcome, failure) -> {
          if (failure == null) {
            return of(outcome);
          }
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof TimeoutException) {
            return error(
                ContractError.of(
                    RegistryErrorCode.STORE_TIMEOUT, "Store timeout: " + cause.getMessage()));
          }
          LOG.error("contracts API write failed", cause);
          return error(
              ContractError.of(
                  RegistryErrorCode.STORE_ERROR, "Error while writing to the registry log"));
        });
  }

  static MutableHttpResponse<byte[]> error(ContractError error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", error.code().errorCode());
    body.put("message", error.message());
    if (!error.violations().isEmpty()) {
      body.put("violations", error.violations());
    }
    error.compatibility().ifPresent(c -> body.put("compatibility", c));
    MutableHttpResponse<byte[]> response =
        json(HttpStatus.valueOf(error.code().httpStatus()), body);
    if (error.code().httpStatus() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mesh-registry\"");
    }
    return response;
  }

  private static MutableHttpResponse<byte[]> json(HttpStatus status, Object body) {
    byte[] bytes;
    try {
      bytes = RegistryJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a contracts API answer", e);
    }
    return HttpResponse.<byte[]>status(status).contentType(MediaType.APPLICATION_JSON).body(bytes);
  }
}
