package dev.datamesh.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.subjects.Outcome;
import java.io.IOException;

/**
 * Request bodies read with {@link RegistryJson}: empty or malformed JSON is a 400, JSON of the
 * wrong shape a 422, a body over the limit 422/42209 — each as a value, never an exception.
 */
final class Bodies {
  private Bodies() {}

  static <T> Outcome<T> read(byte[] body, Class<T> type, int maxBytes) {
    if (body != null && body.length > maxBytes) {
      return Outcome.failed(
          RegistryErrorCode.SCHEMA_TOO_LARGE,
          "Schema too large: the request has " + body.length + " bytes, the limit is " + maxBytes);
    }
    if (body == null || body.length == 0) {
      return Outcome.failed(
          RegistryErrorCode.MALFORMED_REQUEST, "Request body is empty; expected a JSON object");
    }
    try {
      T value = RegistryJson.mapper().readValue(body, type);
      if (value == null) {
        return Outcome.failed(
            RegistryErrorCode.MALFORMED_REQUEST, "Request body is null; expected a JSON object");
      }
      return Outcome.ok(value);
    } catch (JsonMappingException e) {
      return Outcome.failed(
          RegistryErrorCode.UNPROCESSABLE_REQUEST,
          "Unprocessable request body: unexpected value or type at " + pointer(e));
    } catch (JsonProcessingException e) {
      return Outcome.failed(
          RegistryErrorCode.MALFORMED_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return Outcome.failed(RegistryErrorCode.MALFORMED_REQUEST, "Unreadable request body");
    }
  }

  /**
   * Where in the body the mapping failed, as a JSON Pointer ("/references/0"); Jackson's own
   * message names Java types, which clients should not see.
   */
  static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      pointer.append('/');
      if (r.getFieldName() != null) {
        pointer.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        pointer.append(r.getIndex());
      }
    }
    return pointer.isEmpty() ? "the top level" : pointer.toString();
  }
}
