package dev.datamesh.http;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;

/**
 * The mesh's one shape for HTTP errors Micronaut itself produces (unknown route, wrong method,
 * unsupported media type, oversized body, unexpected exception): a message that names the problem
 * and never carries exception details or stack traces.
 */
public final class MeshErrors {
  private MeshErrors() {}

  /** The message for {@code response}'s status; 5xx answers say nothing about the cause. */
  public static String message(ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    String reason = response.reason();
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

  /** Copies headers such as {@code Allow} (405) but not the body's type and length. */
  public static void copyHeaders(MutableHttpResponse<?> from, MutableHttpResponse<?> to) {
    from.getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> to.header(name, v));
              }
            });
  }
}
