package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.registry.schema.Metadata;
import dev.datamesh.registry.schema.RuleSet;
import dev.datamesh.registry.schema.SchemaReference;
import java.util.List;

/** The answer of {@code GET /schemas/ids/{id}} and {@code /schemas/guids/{guid}}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaType", "schema", "references", "metadata", "ruleSet", "guid", "maxId"})
public record SchemaIdView(
    String schemaType,
    String schema,
    List<SchemaReference> references,
    Metadata metadata,
    RuleSet ruleSet,
    String guid,
    Integer maxId) {}
