package dev.datamesh.registry.schema;

/**
 * A reference from one schema to a type registered under another subject (Confluent {@code
 * references}).
 *
 * @param name the referenced type's full name as used in the referring schema
 * @param subject the subject it is registered under
 * @param version the version of that subject
 */
public record SchemaReference(String name, String subject, int version) {}
