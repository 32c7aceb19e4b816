package dev.datamesh.registry.schema;

import org.apache.avro.Schema;

/**
 * A live version a new schema is checked against.
 *
 * @param version its version number under the subject
 * @param schema the parsed schema
 * @param canonical its stored text (quoted in incompatibility messages)
 */
public record PreviousSchema(int version, Schema schema, String canonical) {}
