package dev.datamesh.lineage.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.ServiceLevels;
import dev.datamesh.contracts.SupportChannel;
import dev.datamesh.contracts.TeamMember;
import dev.datamesh.contracts.client.RegisteredContract;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.LifecycleStateChangeDatasetFacet.LifecycleStateChange;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** The dataset facets of one product topic, taken from the product's contract. */
final class ContractFacets {
  private final OpenLineage ol;
  private final URI producer;
  private final KafkaNamespace kafka;

  ContractFacets(OpenLineage ol, URI producer, KafkaNamespace kafka) {
    this.ol = ol;
    this.producer = producer;
    this.kafka = kafka;
  }

  OpenLineage.DatasetFacets forTopic(
      RegisteredContract registered, TopicRole role, LifecycleStateChange change) {
    DataContract contract = registered.contract();
    OpenLineage.DatasetFacetsBuilder facets =
        ol.newDatasetFacetsBuilder()
            .dataSource(ol.newDatasourceDatasetFacet(kafka.uri(), URI.create(kafka.uri())))
            .datasetType(ol.newDatasetTypeDatasetFacet("TOPIC", role.subType()))
            .documentation(
                ol.newDocumentationDatasetFacet(documentation(contract, role), "text/markdown"))
            .ownership(ol.newOwnershipDatasetFacet(owners(contract)))
            .tags(ol.newTagsDatasetFacet(tags(contract)))
            .lifecycleStateChange(ol.newLifecycleStateChangeDatasetFacet(change, null))
            .put(
                LineageEvents.CONTRACT_FACET,
                new MeshDatasetFacet(producer, "MeshContractDatasetFacet", body(registered, role)));
    if (role != TopicRole.DEAD_LETTER) {
      // Dead letters keep whatever bytes the producer sent: no schema can be promised for them.
      facets.schema(ol.newSchemaDatasetFacet(schemaFields(contract.valueSchema())));
    }
    return facets.build();
  }

  private static String documentation(DataContract contract, TopicRole role) {
    String purpose = contract.description().purpose();
    String title = contract.name().isBlank() ? contract.productId().toString() : contract.name();
    StringBuilder doc = new StringBuilder();
    switch (role) {
      case RAW -> doc.append("Producer-facing topic of ").append(title).append(". ");
      case CERTIFIED -> doc.append(title).append(": certified records. ");
      case DEAD_LETTER ->
          doc.append("Dead letters of ")
              .append(title)
              .append(": records that broke the contract, with reason headers. ");
    }
    if (!purpose.isBlank()) {
      doc.append(purpose.strip());
    }
    appendSection(doc, "Usage", contract.description().usage());
    appendSection(doc, "Limitations", contract.description().limitations());
    return doc.toString().strip();
  }

  private static void appendSection(StringBuilder doc, String title, String text) {
    if (!text.isBlank()) {
      doc.append("\n\n**").append(title).append(":** ").append(text.strip());
    }
  }

  private List<OpenLineage.OwnershipDatasetFacetOwners> owners(DataContract contract) {
    List<OpenLineage.OwnershipDatasetFacetOwners> owners = new ArrayList<>();
    if (!contract.owner().isBlank()) {
      owners.add(ol.newOwnershipDatasetFacetOwners("team:" + contract.owner(), "OWNER"));
    }
    for (TeamMember member : contract.team().members()) {
      if (!member.username().isBlank()) {
        String role = member.role().isBlank() ? "MEMBER" : member.role().toUpperCase(Locale.ROOT);
        owners.add(ol.newOwnershipDatasetFacetOwners("user:" + member.username(), role));
      }
    }
    return owners;
  }

  private List<OpenLineage.TagsDatasetFacetFields> tags(DataContract contract) {
    List<OpenLineage.TagsDatasetFacetFields> tags = new ArrayList<>();
    for (String tag : contractTags(contract)) {
      tags.add(ol.newTagsDatasetFacetFields(tag, "true", "CONTRACT", null));
    }
    for (FieldDefinition field : contract.allFields()) {
      field
          .classification()
          .ifPresent(
              c ->
                  tags.add(
                      ol.newTagsDatasetFacetFields(
                          "classification", c, "CONTRACT", field.path().substring(1))));
    }
    return tags;
  }

  /** The contract's ODCS {@code tags} (the model keeps them only in the document). */
  static List<String> contractTags(DataContract contract) {
    List<String> tags = new ArrayList<>();
    JsonNode node = contract.document().path("tags");
    if (node.isArray()) {
      node.forEach(
          t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
              tags.add(t.asText());
            }
          });
    }
    return tags;
  }

  private Map<String, Object> body(RegisteredContract registered, TopicRole role) {
    DataContract contract = registered.contract();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("productId", registered.productId());
    body.put("topicRole", role.json());
    body.put("contractId", contract.contractId());
    body.put("version", registered.version());
    body.put("status", contract.status().odcsValue());
    body.put("name", contract.name());
    body.put("domain", contract.productId().domain());
    body.put("owner", contract.owner());
    body.put("description", contract.description().purpose());
    body.put("tags", contractTags(contract));
    body.put("support", support(contract.support()));
    body.put(
        "upstreamProducts",
        contract.kafka().upstreamProducts().stream().map(Object::toString).toList());
    body.put("sla", sla(contract.serviceLevels()));
    body.put("compatibility", contract.compatibility().name());
    body.put("schemaId", registered.schemaId());
    body.put("registeredAt", registered.registeredAt().toString());
    body.put("fields", fields(contract));
    return body;
  }

  private static List<Map<String, Object>> support(List<SupportChannel> channels) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (SupportChannel c : channels) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("channel", c.channel());
      m.put("tool", c.tool());
      m.put("url", c.url());
      list.add(m);
    }
    return list;
  }

  private static Map<String, Object> sla(ServiceLevels levels) {
    Map<String, Object> sla = new LinkedHashMap<>();
    levels.freshness().ifPresent(d -> sla.put("freshness", d.toString()));
    levels.latency().ifPresent(d -> sla.put("latency", d.toString()));
    levels.retention().ifPresent(d -> sla.put("retention", d.toString()));
    levels
        .throughput()
        .ifPresent(
            t -> sla.put("throughput", t.minRecords() + " records per " + t.window().toString()));
    return sla;
  }

  private static List<Map<String, Object>> fields(DataContract contract) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FieldDefinition f : contract.allFields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path());
      m.put("name", f.name());
      m.put("logicalType", f.logicalType().odcsValue());
      f.physicalType().ifPresent(p -> m.put("physicalType", p));
      m.put("required", f.required());
      f.classification().ifPresent(c -> m.put("classification", c));
      f.masking().ifPresent(ms -> m.put("masking", ms.odcsValue()));
      m.put("description", f.description());
      list.add(m);
    }
    return list;
  }

  private List<OpenLineage.SchemaDatasetFacetFields> schemaFields(Schema record) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    long position = 1;
    for (Schema.Field field : record.getFields()) {
      Schema type = nonNull(field.schema());
      fields.add(
          ol.newSchemaDatasetFacetFields(
              field.name(), typeName(field.schema()), field.doc(), position++, nested(type)));
    }
    return fields;
  }

  private List<OpenLineage.SchemaDatasetFacetFields> nested(Schema type) {
    if (type.getType() == Schema.Type.RECORD) {
      return schemaFields(type);
    }
    if (type.getType() == Schema.Type.ARRAY
        && nonNull(type.getElementType()).getType() == Schema.Type.RECORD) {
      return schemaFields(nonNull(type.getElementType()));
    }
    return null;
  }

  /** Avro type names as Avro writes them; a nullable union is the type itself. */
  static String typeName(Schema schema) {
    Schema s = nonNull(schema);
    if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (s.getLogicalType() != null) {
      return s.getLogicalType().getName();
    }
    return switch (s.getType()) {
      case ARRAY -> "array<" + typeName(s.getElementType()) + ">";
      case MAP -> "map<" + typeName(s.getValueType()) + ">";
      case UNION -> "union";
      default -> s.getType().getName();
    };
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types =
        schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return types.size() == 1 ? types.get(0) : schema;
  }
}
