package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractDescription;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractStatus;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.KafkaProfile;
import dev.datamesh.contracts.ProductId;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.contracts.ServiceLevels;
import dev.datamesh.contracts.SupportChannel;
import dev.datamesh.contracts.Team;
import dev.datamesh.contracts.TeamMember;
import dev.datamesh.contracts.avro.AvroSchemaFactory;
import dev.datamesh.contracts.avro.AvroSchemaResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Maps a parsed ODCS document to the model and checks the mesh profile. It reads leniently and
 * keeps going after a problem, so one pass lists every violation; the model it returns is a draft
 * (usable for policy checks) whenever the product id and version are readable.
 */
final class ContractModelBuilder {

  /** A draft contract (if the essentials are readable) and every violation found. */
  record Draft(Optional<DataContract> contract, List<ContractViolation> violations) {}

  private final List<ContractViolation> sink = new ArrayList<>();
  private final JsonNode root;

  private ContractModelBuilder(JsonNode root) {
    this.root = root;
  }

  static Draft build(JsonNode root) {
    ContractModelBuilder builder = new ContractModelBuilder(root);
    Optional<DataContract> contract = builder.contract();
    return new Draft(contract, List.copyOf(builder.sink));
  }

  private Optional<DataContract> contract() {
    String contractId = Nodes.text(root, "id").trim();
    if (root.has("id") && contractId.isEmpty()) {
      add(ContractErrorCode.CONTRACT_ID_INVALID, "/id", "id must not be blank");
    }
    Optional<ProductId> productId = productId();
    Optional<SemanticVersion> version = version();
    ContractStatus status = status();
    List<FieldDefinition> fields = new ArrayList<>();
    List<QualityRule> qualityRules = new ArrayList<>();
    readTopicSchema(fields, qualityRules);
    ServiceLevels slas = new ServiceLevelReader(sink).read(root.path("slaProperties"));
    KafkaProfileReader profile = new KafkaProfileReader(root, sink);
    CompatibilityMode compatibility = profile.compatibility();
    Optional<Nodes.Custom> explicitSchema = profile.avroSchema();
    KafkaProfile kafka =
        profile.read(productId, fields, slas.retention(), explicitSchema.isPresent());
    if (productId.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    ContractDescription description = description();
    Schema valueSchema = valueSchema(productId.get(), description, fields, explicitSchema);
    return Optional.of(
        new DataContract(
            contractId.isEmpty() ? productId.get().toString() : contractId,
            productId.get(),
            version.get(),
            status,
            Nodes.text(root, "apiVersion"),
            Nodes.text(root, "name"),
            description,
            team(),
            support(),
            fields,
            qualityRules,
            slas,
            compatibility,
            kafka,
            valueSchema,
            root));
  }

  private Optional<ProductId> productId() {
    String domain = Nodes.text(root, "domain");
    String product = Nodes.text(root, "dataProduct");
    boolean ok = true;
    if (!ProductId.isValidSegment(domain)) {
      add(
          ContractErrorCode.PRODUCT_ID_INVALID,
          "/domain",
          "domain must be lower-case kebab (e.g. orders), at most "
              + ProductId.MAX_SEGMENT_LENGTH
              + " characters; got '"
              + domain
              + "'");
      ok = false;
    }
    if (!ProductId.isValidSegment(product)) {
      add(
          ContractErrorCode.PRODUCT_ID_INVALID,
          "/dataProduct",
          "dataProduct must be lower-case kebab (e.g. order-placed), at most "
              + ProductId.MAX_SEGMENT_LENGTH
              + " characters; got '"
              + product
              + "'");
      ok = false;
    }
    return ok ? Optional.of(new ProductId(domain, product)) : Optional.empty();
  }

  private Optional<SemanticVersion> version() {
    String text = Nodes.text(root, "version");
    Optional<SemanticVersion> version = SemanticVersion.parse(text);
    if (version.isEmpty()) {
      add(
          ContractErrorCode.VERSION_INVALID,
          "/version",
          "version must be a semantic version (MAJOR.MINOR.PATCH), got '" + text + "'");
    }
    return version;
  }

  private ContractStatus status() {
    String text = Nodes.text(root, "status");
    Optional<ContractStatus> status = ContractStatus.parse(text);
    if (status.isEmpty()) {
      add(
          ContractErrorCode.STATUS_INVALID,
          "/status",
          "status must be proposed, draft, development, active, deprecated or retired; got '"
              + text
              + "'");
    }
    return status.orElse(ContractStatus.DRAFT);
  }

  private void readTopicSchema(List<FieldDefinition> fields, List<QualityRule> qualityRules) {
    JsonNode schema = root.path("schema");
    if (!schema.isArray() || schema.size() != 1) {
      add(
          ContractErrorCode.TOPIC_SCHEMA_INVALID,
          "/schema",
          "schema must hold exactly one object, the topic (physicalType: topic)");
      if (!schema.isArray() || schema.isEmpty()) {
        return;
      }
    }
    JsonNode topic = schema.get(0);
    if (!"topic".equals(Nodes.text(topic, "physicalType"))) {
      add(ContractErrorCode.TOPIC_SCHEMA_INVALID, "/schema/0/physicalType", "must be topic");
    }
    JsonNode properties = topic.path("properties");
    if (!properties.isArray() || properties.isEmpty()) {
      add(
          ContractErrorCode.TOPIC_SCHEMA_INVALID,
          "/schema/0/properties",
          "the topic needs at least one property");
      return;
    }
    FieldReader reader = new FieldReader(sink);
    fields.addAll(reader.readAll(properties, "/schema/0/properties", "", true));
    qualityRules.addAll(reader.aggregates());
    Map<String, String> paths = new LinkedHashMap<>();
    fields.forEach(f -> paths.put(f.name(), f.path()));
    qualityRules.addAll(
        new QualityReader(sink).readSchemaRules(topic.path("quality"), "/schema/0/quality", paths));
  }

  private Schema valueSchema(
      ProductId productId,
      ContractDescription description,
      List<FieldDefinition> fields,
      Optional<Nodes.Custom> explicit) {
    AvroSchemaFactory avro = AvroSchemaFactory.create();
    AvroSchemaResult result =
        explicit.isPresent()
            ? avro.check(
                explicit.get().value().isTextual()
                    ? explicit.get().value().textValue()
                    : explicit.get().value().toString(),
                fields,
                explicit.get().pointer())
            : avro.derive(productId, description.purpose(), fields);
    sink.addAll(result.violations());
    // A draft with a broken schema still serves policy checks; it is never handed out.
    return result
        .schema()
        .orElseGet(
            () ->
                Schema.createRecord(
                    AvroSchemaFactory.recordName(productId),
                    null,
                    AvroSchemaFactory.namespace(productId),
                    false,
                    List.of()));
  }

  private ContractDescription description() {
    JsonNode node = root.path("description");
    return new ContractDescription(
        Nodes.text(node, "purpose"), Nodes.text(node, "usage"), Nodes.text(node, "limitations"));
  }

  private Team team() {
    JsonNode team = root.path("team");
    if (team.isArray()) {
      return new Team("", "", members(team));
    }
    if (!team.isObject()) {
      return Team.none();
    }
    return new Team(
        Nodes.text(team, "name").trim(),
        Nodes.text(team, "description"),
        members(team.path("members")));
  }

  private static List<TeamMember> members(JsonNode members) {
    List<TeamMember> result = new ArrayList<>();
    for (JsonNode member : members) {
      result.add(
          new TeamMember(
              Nodes.text(member, "username"),
              Nodes.text(member, "name"),
              Nodes.text(member, "role")));
    }
    return result;
  }

  private List<SupportChannel> support() {
    List<SupportChannel> channels = new ArrayList<>();
    for (JsonNode item : root.path("support")) {
      if (!Nodes.text(item, "channel").isBlank()) {
        channels.add(
            new SupportChannel(
                Nodes.text(item, "channel"),
                Nodes.text(item, "tool"),
                Nodes.text(item, "url"),
                Nodes.text(item, "scope"),
                Nodes.text(item, "description")));
      }
    }
    return channels;
  }

  private void add(ContractErrorCode code, String pointer, String message) {
    sink.add(new ContractViolation(code, pointer, message));
  }
}
