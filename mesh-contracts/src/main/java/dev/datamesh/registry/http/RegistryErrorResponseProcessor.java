package dev.datamesh.registry.http;

import dev.datamesh.http.MeshErrors;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
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
        RegistryReplies.error(status, status, MeshErrors.message(context, response));
    MeshErrors.copyHeaders(response, reply);
    return reply;
  }
}
