package dev.datamesh.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Builds contract documents for tests: a minimal valid contract that tests then break. */
public final class ContractDocs {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final YAMLMapper YAML = new YAMLMapper();

  /** Passes ODCS, the mesh profile and the default policies. */
  public static final String MINIMAL =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: sample-contract
      version: 1.0.0
      status: active
      domain: testing
      dataProduct: sample-event
      description:
        purpose: A contract for tests.
      team:
        name: test-team
      support:
        - channel: '#test'
          tool: slack
      schema:
        - name: SampleEvent
          physicalType: topic
          properties:
            - name: id
              logicalType: string
              required: true
              description: The id of the event.
      slaProperties:
        - property: frequency
          value: 1
          unit: h
      """;

  private ContractDocs() {}

  /** A fresh copy of {@link #MINIMAL} as a tree. */
  public static ObjectNode minimal() {
    return (ObjectNode) parse(MINIMAL);
  }

  /** {@link #minimal()} changed by {@code change}. */
  public static ObjectNode minimal(Consumer<ObjectNode> change) {
    ObjectNode doc = minimal();
    change.accept(doc);
    return doc;
  }

  /** The properties array of {@code schema[0]}. */
  public static ArrayNode properties(ObjectNode doc) {
    return (ArrayNode) doc.path("schema").path(0).path("properties");
  }

  /** Appends a property parsed from YAML to {@code schema[0].properties}. */
  public static ObjectNode addProperty(ObjectNode doc, String yaml) {
    ObjectNode property = (ObjectNode) parse(yaml);
    properties(doc).add(property);
    return property;
  }

  /** Appends a root custom property. */
  public static void addCustomProperty(ObjectNode doc, String name, JsonNode value) {
    ArrayNode list =
        doc.has("customProperties")
            ? (ArrayNode) doc.get("customProperties")
            : doc.putArray("customProperties");
    list.addObject().put("property", name).set("value", value);
  }

  /** Parses YAML (or JSON) test text. */
  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code doc} (as JSON text) with the default policies. */
  public static ContractLoadResult load(JsonNode doc) {
    return ContractLoader.create(GovernancePolicies.defaults()).load(doc.toString());
  }

  /** Loads {@code doc} and fails the test if it has violations. */
  public static DataContract loadValid(JsonNode doc) {
    ContractLoadResult result = load(doc);
    return result.contract().orElseThrow(() -> new AssertionError(result.violations()));
  }
}
