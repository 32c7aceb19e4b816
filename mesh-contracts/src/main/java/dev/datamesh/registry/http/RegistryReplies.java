package dev.datamesh.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.RegistryJson;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP answers in Confluent's format: {@value #CONTENT_TYPE} bodies written with {@link
 * RegistryJson}, errors as {@code {"error_code": .., "message": ..}}.
 */
public interface RegistryReplies {

  /** The media type of every answer. */
  String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** 200 with {@code body} as JSON. */
  static MutableHttpResponse<byte[]> ok(Object body) {
    return json(HttpStatus.OK, body);
  }

  /** The error's status with its JSON body ({@code WWW-Authenticate} on 401). */
  static MutableHttpResponse<byte[]> error(RegistryError error) {
    return error(error.code().httpStatus(), error.code().errorCode(), error.message());
  }

  /** An error answer with {@code code}. */
  static MutableHttpResponse<byte[]> error(RegistryErrorCode code, String message) {
    return error(code.error(message));
  }

  /** An error answer with an explicit status and error code. */
  static MutableHttpResponse<byte[]> error(int status, int errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message == null || message.isBlank() ? "HTTP " + status : message);
    MutableHttpResponse<byte[]> response = json(HttpStatus.valueOf(status), body);
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mesh-registry\"");
    }
    return response;
  }

  private static MutableHttpResponse<byte[]> json(HttpStatus status, Object body) {
    byte[] bytes;
    try {
      bytes = RegistryJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a registry answer", e);
    }
    return HttpResponse.<byte[]>status(status).contentType(CONTENT_TYPE).body(bytes);
  }
}
