package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The content identity of a schema: type, canonical text, references, metadata and rules, written
 * as sorted JSON. Equal identity means equal id (Confluent's rule); the GUID is the name-based
 * (MD5) UUID of the same bytes.
 *
 * @param hash SHA-256 of the content, hex
 * @param guid the schema GUID
 */
record SchemaIdentity(String hash, String guid) {

  /** What the identity is computed over; field order fixed by the record. */
  record Content(
      String schemaType,
      String schema,
      List<SchemaReference> references,
      Metadata metadata,
      RuleSet ruleSet) {}

  static SchemaIdentity of(
      String schemaType,
      String schema,
      List<SchemaReference> references,
      Metadata metadata,
      RuleSet ruleSet) {
    byte[] bytes;
    try {
      bytes =
          RegistryJson.mapper()
              .writeValueAsString(new Content(schemaType, schema, references, metadata, ruleSet))
              .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise schema content", e);
    }
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new SchemaIdentity(hash, UUID.nameUUIDFromBytes(bytes).toString());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
