package dev.datamesh.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP answer of the gateway's API: a status and a JSON body. */
record ApiReply(int status, String json) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static ApiReply ok(int status, Object body) {
    try {
      return new ApiReply(status, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a reply", e);
    }
  }

  /** {@code {"error_code": code, "message": message}} plus optional extra fields. */
  static ApiReply error(int status, int code, String message, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    body.putAll(extra);
    return ok(status, body);
  }

  static ApiReply error(int status, int code, String message) {
    return error(status, code, message, Map.of());
  }

  static Map<String, Object> violation(int index, String code, String pointer, String message) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("index", index);
    v.put("code", code);
    v.put("pointer", pointer);
    v.put("message", message);
    return v;
  }

  static Map<String, Object> list(String key, List<?> values) {
    return Map.of(key, values);
  }
}
