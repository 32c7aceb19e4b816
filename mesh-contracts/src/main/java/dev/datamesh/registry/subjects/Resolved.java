package dev.datamesh.registry.subjects;

import dev.datamesh.registry.schema.ParsedSchema;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.List;

/** A request's schema, parsed with its references resolved. */
record Resolved(ParsedSchema parsed, List<SchemaReference> references) {}
