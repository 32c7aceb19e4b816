package dev.datamesh.lineage.openlineage;

import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.util.Map;

/**
 * A custom dataset facet of the mesh: the standard {@code _producer}, a {@code _schemaURL} naming
 * the mesh's own facet schema (shipped in {@code lineage-ui/spec/facets/}) and a body of plain JSON
 * values.
 */
final class MeshDatasetFacet extends OpenLineage.DefaultDatasetFacet {
  /** Base of the mesh's custom facet schemas; the web page serves copies under {@code /spec/}. */
  static final String SCHEMA_BASE = "https://datamesh.dev/spec/facets/1-0-0/";

  private final URI schemaUrl;

  MeshDatasetFacet(URI producer, String facetType, Map<String, Object> body) {
    super(producer, null);
    this.schemaUrl = URI.create(SCHEMA_BASE + facetType + ".json#/$defs/" + facetType);
    getAdditionalProperties().putAll(body);
  }

  @Override
  public URI get_schemaURL() {
    return schemaUrl;
  }
}
