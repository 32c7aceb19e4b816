package dev.datamesh.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A loaded, valid data contract: ODCS v3.1 plus the mesh's Kafka profile. Immutable and
 * thread-safe; obtain one from {@code dev.datamesh.contracts.odcs.ContractLoader}.
 *
 * @param contractId the ODCS {@code id}: identifies the contract across its versions
 * @param productId {@code domain + "." + dataProduct}
 * @param apiVersion the ODCS version the document is written in ({@code v3.1.0})
 * @param name the ODCS {@code name}, empty if none
 * @param fields the top-level properties of {@code schema[0]}, in order
 * @param qualityRules aggregate rules for the quality service (windowed)
 * @param valueSchema the Avro record schema of the value (derived, or the explicit one)
 * @param document the contract as parsed (a private copy; the accessor returns a copy too)
 */
public record DataContract(
    String contractId,
    ProductId productId,
    SemanticVersion version,
    ContractStatus status,
    String apiVersion,
    String name,
    ContractDescription description,
    Team team,
    List<SupportChannel> support,
    List<FieldDefinition> fields,
    List<QualityRule> qualityRules,
    ServiceLevels serviceLevels,
    CompatibilityMode compatibility,
    KafkaProfile kafka,
    Schema valueSchema,
    JsonNode document) {

  public DataContract {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(team, "team");
    support = List.copyOf(support);
    fields = List.copyOf(fields);
    qualityRules = List.copyOf(qualityRules);
    Objects.requireNonNull(serviceLevels, "serviceLevels");
    Objects.requireNonNull(compatibility, "compatibility");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(valueSchema, "valueSchema");
    document = document.deepCopy();
  }

  /** A copy of the contract document as parsed. */
  @Override
  public JsonNode document() {
    return document.deepCopy();
  }

  /** The owner: the owning team's name (empty if the contract names none). */
  public String owner() {
    return team.name();
  }

  /** Topic and subject names of the product. */
  public ProductTopics topics() {
    return productId.topics();
  }

  /** The top-level field called {@code name}. */
  public Optional<FieldDefinition> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Every field, nested ones included, depth first. */
  public List<FieldDefinition> allFields() {
    return fields.stream().flatMap(f -> f.flatten().stream()).toList();
  }

  /** Every field (nested included) whose classification is in {@code classes}. */
  public List<FieldDefinition> fieldsClassifiedAs(Set<String> classes) {
    return allFields().stream().filter(f -> f.classifiedAs(classes)).toList();
  }

  /** Every per-record rule of every field, in field order. */
  public List<RecordRule> recordRules() {
    return allFields().stream().flatMap(f -> f.rules().stream()).toList();
  }
}
