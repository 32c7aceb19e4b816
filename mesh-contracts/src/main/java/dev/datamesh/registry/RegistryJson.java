package dev.datamesh.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the registry: log records, Confluent request and response
 * bodies, and schema identities are all written with it, so they agree byte for byte.
 *
 * <p>Unknown JSON properties are ignored (Confluent clients send extra fields), nulls and empty
 * collections are left out ({@code NON_EMPTY}, as Confluent answers), and map entries are sorted so
 * that equal content always serialises to equal bytes. The returned mapper is thread-safe.
 */
public interface RegistryJson {

  /** The shared, thread-safe mapper. */
  static ObjectMapper mapper() {
    return SharedMapper.MAPPER;
  }
}

/** Holds the singleton; package-private so the public surface stays an interface. */
final class SharedMapper {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  private SharedMapper() {}
}
