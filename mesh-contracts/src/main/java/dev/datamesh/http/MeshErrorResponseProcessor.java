package dev.datamesh.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Gives the gateway, quality and lineage services the same JSON error body as their own API errors,
 * {@code {"error_code": <HTTP status>, "message": ...}}, for errors Micronaut produces itself. The
 * registry has its own (Confluent media type).
 */
@Singleton
@Requires(notEnv = "registry")
@Replaces(ErrorResponseProcessor.class)
final class MeshErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Override
  public MutableHttpResponse<byte[]> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    byte[] body;
    try {
      body =
          JSON.writeValueAsBytes(
              Map.of("error_code", status, "message", MeshErrors.message(context, response)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      body = ("{\"error_code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
    MutableHttpResponse<byte[]> reply =
        HttpResponse.<byte[]>status(response.status())
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(body);
    MeshErrors.copyHeaders(response, reply);
    return reply;
  }
}
