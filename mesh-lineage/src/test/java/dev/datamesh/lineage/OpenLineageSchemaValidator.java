package dev.datamesh.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates OpenLineage events against the official OpenLineage 2-0-2 JSON schema and, for every
 * facet in the event, against the facet schema its {@code _schemaURL} names. The schemas are local
 * copies (test resources {@code openlineage/spec/}, from shared/reference/openlineage/) and the
 * mesh's own facet schemas (main resources {@code lineage-ui/spec/}); {@code $ref}s to
 * openlineage.io and datamesh.dev are mapped to them, so nothing is fetched from the network.
 */
public final class OpenLineageSchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPENLINEAGE = "https://openlineage.io/spec/";
  private static final String MESH = "https://datamesh.dev/spec/";

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers
                          .mapPrefix(OPENLINEAGE, "classpath:openlineage/spec/")
                          .mapPrefix(MESH, "classpath:lineage-ui/spec/")));
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final JsonSchema eventSchema =
      factory.getSchema(SchemaLocation.of(OPENLINEAGE + "2-0-2/OpenLineage.json"), config);

  /** Every problem of {@code json} (empty if valid), each prefixed with where it was found. */
  public List<String> validate(String json) {
    JsonNode event;
    try {
      event = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    for (ValidationMessage m : eventSchema.validate(event)) {
      problems.add("event: " + m.getMessage());
    }
    facets(event.path("run").path("facets"), "run", problems);
    facets(event.path("job").path("facets"), "job", problems);
    facets(event.path("dataset").path("facets"), "dataset", problems);
    for (String side : List.of("inputs", "outputs")) {
      int i = 0;
      for (JsonNode dataset : event.path(side)) {
        facets(dataset.path("facets"), side + "/" + i, problems);
        facets(dataset.path("inputFacets"), side + "/" + i + "/inputFacets", problems);
        facets(dataset.path("outputFacets"), side + "/" + i + "/outputFacets", problems);
        i++;
      }
    }
    return problems;
  }

  /** How many facets the event has, so tests can check facets were there to validate. */
  public static int facetCount(JsonNode event) {
    int n = event.path("run").path("facets").size() + event.path("job").path("facets").size();
    n += event.path("dataset").path("facets").size();
    for (String side : List.of("inputs", "outputs")) {
      for (JsonNode d : event.path(side)) {
        n += d.path("facets").size() + d.path("inputFacets").size() + d.path("outputFacets").size();
      }
    }
    return n;
  }

  private void facets(JsonNode facets, String where, List<String> problems) {
    Iterator<Map.Entry<String, JsonNode>> it = facets.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> facet = it.next();
      String at = where + "/" + facet.getKey();
      String url = facet.getValue().path("_schemaURL").asText("");
      int hash = url.indexOf('#');
      if (hash < 0 || !(url.startsWith(OPENLINEAGE + "facets/") || url.startsWith(MESH))) {
        problems.add(at + ": _schemaURL names no facet schema: '" + url + "'");
        continue;
      }
      JsonSchema file = factory.getSchema(SchemaLocation.of(url.substring(0, hash)), config);
      // The facet file's root declares the facet's canonical name: validate under that name.
      ObjectNode wrapped = JSON.createObjectNode();
      wrapped.set(facet.getKey(), facet.getValue());
      if (!file.getSchemaNode().path("properties").has(facet.getKey())) {
        problems.add(at + ": not the name " + url + " defines for its facet");
      }
      for (ValidationMessage m : file.validate(wrapped)) {
        problems.add(at + ": " + m.getMessage());
      }
      JsonSchema definition = factory.getSchema(SchemaLocation.of(url), config);
      for (ValidationMessage m : definition.validate(facet.getValue())) {
        problems.add(at + ": " + m.getMessage());
      }
    }
  }
}
