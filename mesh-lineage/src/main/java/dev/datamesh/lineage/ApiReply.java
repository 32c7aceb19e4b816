package dev.datamesh.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers of the catalog API. */
final class ApiReply {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiReply() {}

  static HttpResponse<String> ok(Object body) {
    return json(HttpStatus.OK, body);
  }

  /** {@code {"error_code": ..., "message": ...}} with the code's HTTP status. */
  static HttpResponse<String> error(LineageErrorCode code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code.code());
    body.put("message", message);
    return json(HttpStatus.valueOf(code.status()), body);
  }

  private static HttpResponse<String> json(HttpStatus status, Object body) {
    try {
      return HttpResponse.<String>status(status)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a reply", e);
    }
  }
}
