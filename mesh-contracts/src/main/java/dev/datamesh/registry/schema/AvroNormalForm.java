package dev.datamesh.registry.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.JacksonUtils;

/**
 * Avro's parsing canonical form ({@code SchemaNormalization}) adapted to keep what matters to
 * readers: defaults, docs, aliases, logical types and custom properties. Names are written in full,
 * attributes in a fixed order, aliases and custom properties sorted; a named type is defined once
 * and referenced by full name afterwards, and types defined by references are never inlined.
 */
final class AvroNormalForm {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroNormalForm() {}

  static String of(Schema schema, Collection<Schema> references) {
    Set<String> defined = new HashSet<>();
    for (Schema reference : references) {
      collectNames(reference, defined);
    }
    try {
      return PLAIN.writeValueAsString(node(schema, defined));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a parsed Avro schema as JSON", e);
    }
  }

  private static void collectNames(Schema schema, Set<String> names) {
    switch (schema.getType()) {
      case RECORD -> {
        if (names.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectNames(f.schema(), names));
        }
      }
      case ENUM, FIXED -> names.add(schema.getFullName());
      case ARRAY -> collectNames(schema.getElementType(), names);
      case MAP -> collectNames(schema.getValueType(), names);
      case UNION -> schema.getTypes().forEach(t -> collectNames(t, names));
      default -> {
        // primitives define no names
      }
    }
  }

  private static JsonNode node(Schema schema, Set<String> defined) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> named(schema, defined);
      case ARRAY ->
          withProps(
              typed("array").set("items", node(schema.getElementType(), defined)),
              schema.getObjectProps());
      case MAP ->
          withProps(
              typed("map").set("values", node(schema.getValueType(), defined)),
              schema.getObjectProps());
      case UNION -> {
        ArrayNode branches = NODES.arrayNode();
        schema.getTypes().forEach(t -> branches.add(node(t, defined)));
        yield branches;
      }
      default -> primitive(schema);
    };
  }

  private static JsonNode primitive(Schema schema) {
    String name = schema.getType().getName();
    if (schema.getObjectProps().isEmpty()) {
      return TextNode.valueOf(name);
    }
    return withProps(typed(name), schema.getObjectProps());
  }

  private static JsonNode named(Schema schema, Set<String> defined) {
    String fullName = schema.getFullName();
    if (!defined.add(fullName)) {
      return TextNode.valueOf(fullName);
    }
    String type =
        schema.getType() == Schema.Type.RECORD && schema.isError()
            ? "error"
            : schema.getType().getName();
    ObjectNode o = typed(type);
    o.put("name", fullName);
    if (schema.getDoc() != null) {
      o.put("doc", schema.getDoc());
    }
    aliases(o, schema.getAliases());
    switch (schema.getType()) {
      case RECORD -> {
        ArrayNode fields = o.putArray("fields");
        schema.getFields().forEach(f -> fields.add(field(f, defined)));
      }
      case ENUM -> {
        ArrayNode symbols = o.putArray("symbols");
        schema.getEnumSymbols().forEach(symbols::add);
        if (schema.getEnumDefault() != null) {
          o.put("default", schema.getEnumDefault());
        }
      }
      default -> o.put("size", schema.getFixedSize());
    }
    return withProps(o, schema.getObjectProps());
  }

  private static JsonNode field(Schema.Field field, Set<String> defined) {
    ObjectNode o = NODES.objectNode();
    o.put("name", field.name());
    if (field.doc() != null) {
      o.put("doc", field.doc());
    }
    o.set("type", node(field.schema(), defined));
    if (field.hasDefaultValue()) {
      o.set("default", JacksonUtils.toJsonNode(field.defaultVal()));
    }
    if (field.order() != Schema.Field.Order.ASCENDING) {
      o.put("order", field.order().name().toLowerCase(Locale.ROOT));
    }
    aliases(o, field.aliases());
    return withProps(o, field.getObjectProps());
  }

  private static ObjectNode typed(String type) {
    ObjectNode o = NODES.objectNode();
    o.put("type", type);
    return o;
  }

  private static void aliases(ObjectNode o, Set<String> aliases) {
    if (!aliases.isEmpty()) {
      ArrayNode a = o.putArray("aliases");
      new TreeSet<>(aliases).forEach(a::add);
    }
  }

  private static ObjectNode withProps(ObjectNode o, Map<String, Object> props) {
    new TreeMap<>(props).forEach((k, v) -> o.set(k, JacksonUtils.toJsonNode(v)));
    return o;
  }
}
