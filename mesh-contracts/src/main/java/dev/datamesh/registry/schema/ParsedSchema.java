package dev.datamesh.registry.schema;

import org.apache.avro.Schema;

/**
 * An Avro schema accepted by {@link AvroSchemaParser}, with its two canonical texts.
 *
 * @param schema the parsed schema (named types of its references resolved)
 * @param compact the parsed schema re-serialised compactly ({@code Schema.toString()}, custom
 *     properties kept, referenced types not inlined): what is stored by default
 * @param normalized the normal form: what is stored with {@code normalize=true}
 */
public record ParsedSchema(Schema schema, String compact, String normalized) {

  /** The text to store: {@link #normalized()} or {@link #compact()}. */
  public String canonical(boolean normalize) {
    return normalize ? normalized : compact;
  }

  /** True when {@code stored} is either canonical text of this schema. */
  public boolean matches(String stored) {
    return compact.equals(stored) || normalized.equals(stored);
  }
}
