package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.TestContracts;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.util.function.Consumer;

/** Example contracts as editable documents, for tests of the contracts API. */
public final class ContractDocs {
  private static final YAMLMapper YAML = new YAMLMapper();

  private ContractDocs() {}

  /** The example contract of {@code productId} as a mutable tree. */
  public static ObjectNode example(String productId) {
    try {
      return (ObjectNode) YAML.readTree(TestContracts.exampleText(productId));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The example with its product renamed to {@code productId} ({@code <domain>.<product>}). */
  public static ObjectNode example(String exampleId, String productId) {
    ObjectNode doc = example(exampleId);
    int dot = productId.indexOf('.');
    doc.put("domain", productId.substring(0, dot));
    doc.put("dataProduct", productId.substring(dot + 1));
    return doc;
  }

  /** A copy of {@code doc} changed by {@code change}. */
  public static ObjectNode changed(ObjectNode doc, Consumer<ObjectNode> change) {
    ObjectNode copy = doc.deepCopy();
    change.accept(copy);
    return copy;
  }

  /** The top-level properties of the topic schema. */
  public static ArrayNode properties(ObjectNode doc) {
    return (ArrayNode) doc.path("schema").path(0).path("properties");
  }

  /** The property called {@code name}. */
  public static ObjectNode property(ObjectNode doc, String name) {
    for (JsonNode p : properties(doc)) {
      if (name.equals(p.path("name").asText())) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("no property " + name);
  }

  /** Removes the property called {@code name}. */
  public static void removeProperty(ObjectNode doc, String name) {
    ArrayNode props = properties(doc);
    for (int i = 0; i < props.size(); i++) {
      if (name.equals(props.get(i).path("name").asText())) {
        props.remove(i);
        return;
      }
    }
    throw new AssertionError("no property " + name);
  }

  /** Adds a described property from YAML. */
  public static void addProperty(ObjectNode doc, String yaml) {
    try {
      properties(doc).add(YAML.readTree(yaml));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The document as YAML text. */
  public static String yaml(JsonNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The document loaded with the default policies (must be valid). */
  public static DataContract load(JsonNode doc) {
    ContractLoadResult result =
        ContractLoader.create(GovernancePolicies.defaults()).load(doc.toString());
    return result.contract().orElseThrow(() -> new AssertionError(result.violations()));
  }
}
