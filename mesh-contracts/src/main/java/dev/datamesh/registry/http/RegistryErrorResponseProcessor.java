package dev.datamesh.registry.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Makes every error Micronaut itself produces (unknown route, wrong method, unsupported media type,
 * oversized body, unexpected exception) a Confluent-style {@code {"error_code", "message"}} body,
 * with the HTTP status as error code. Exception details never reach the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class RegistryErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

  @Override
  public MutableHttpResponse<byte[]> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    MutableHttpResponse<byte[]> reply =
        RegistryReplies.error(status, status, message(status, context, response.reason()));
    // Keep headers such as Allow (405); the body, and so its type and length, are ours.
    response
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                  && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> reply.header(name, v));
              }
            });
    return reply;
  }

  private static String message(int status, ErrorContext context, String reason) {
    if (status == 404) {
      return "HTTP 404 Not Found";
    }
    if (status >= 500) {
      return "Internal Server Error";
    }
    String detail =
        context.getErrors().stream()
            .map(Error::getMessage)
            .filter(m -> m != null && !m.isBlank())
            .findFirst()
            .orElse(reason);
    return "HTTP "
        + status
        + " "
        + reason
        + (detail == null || detail.equals(reason) ? "" : ": " + detail);
  }
}
