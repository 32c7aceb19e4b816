package dev.datamesh.lineage.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.lineage.OpenLineageSchemaValidator;
import dev.datamesh.lineage.TestContracts;
import dev.datamesh.lineage.freshness.Freshness;
import dev.datamesh.topics.GatewayStatsEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineageEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

  private final LineageEvents events =
      LineageEvents.create(
          URI.create("https://example.org/mesh-lineage"),
          KafkaNamespace.fromBootstrapServers("broker-1:9093,broker-2:9093"),
          "mesh");
  private final OpenLineageSchemaValidator validator = new OpenLineageSchemaValidator();

  @Test
  void contractDatasetEventsDescribeEachTopicAndValidate() throws Exception {
    List<MetadataRecord> records =
        events.contractDatasets(
            TestContracts.registered("orders.placed"), LineageEvents.Change.CREATE, AT);

    assertThat(records)
        .extracting(MetadataRecord::key)
        .containsExactly("orders.placed.raw", "orders.placed.certified", "orders.placed.dlq");
    for (MetadataRecord r : records) {
      assertValid(r);
    }
    JsonNode certified = JSON.readTree(records.get(1).json());
    JsonNode dataset = certified.path("dataset");
    assertThat(dataset.path("namespace").asText()).isEqualTo("kafka://broker-1:9093");
    JsonNode facets = dataset.path("facets");
    assertThat(facets.path("schema").path("fields"))
        .extracting(f -> f.path("name").asText() + ":" + f.path("type").asText())
        .containsExactly(
            "id:string", "email:string", "amount:decimal(10,2)", "at:timestamp-millis");
    assertThat(facets.path("ownership").path("owners").get(0).path("name").asText())
        .isEqualTo("team:orders-team");
    assertThat(facets.path("documentation").path("description").asText())
        .contains("Events of orders.placed");
    assertThat(facets.path("dataSource").path("uri").asText()).isEqualTo("kafka://broker-1:9093");
    assertThat(facets.path("datasetType").path("subType").asText()).isEqualTo("CERTIFIED");
    assertThat(facets.path("lifecycleStateChange").path("lifecycleStateChange").asText())
        .isEqualTo("CREATE");
    assertThat(facets.path("mesh_contract").path("version").asText()).isEqualTo("1.0.0");
    assertThat(facets.path("mesh_contract").path("sla").path("freshness").asText())
        .isEqualTo("PT15M");
    assertThat(JSON.readTree(records.get(2).json()).path("dataset").path("facets").has("schema"))
        .isFalse();
  }

  @Test
  void gatewayRunEventHasRawInputAndCountedOutputs() throws Exception {
    GatewayStatsEvent stats =
        new GatewayStatsEvent(
            "orders.placed",
            "gw-1",
            AT.minusSeconds(10),
            AT,
            42,
            4200,
            3,
            Map.of("RULE_VIOLATION", 3L),
            AT.minusSeconds(12));

    MetadataRecord record = events.gatewayRun(stats, true);

    assertValid(record);
    JsonNode event = JSON.readTree(record.json());
    assertThat(record.key()).isEqualTo("mesh-gateway.orders.placed");
    assertThat(event.path("eventType").asText()).isEqualTo("START");
    assertThat(event.path("job").path("facets").path("jobType").path("processingType").asText())
        .isEqualTo("STREAMING");
    assertThat(event.path("job").path("facets").path("jobType").path("jobType").asText())
        .isEqualTo("GATEWAY");
    assertThat(event.path("inputs").get(0).path("name").asText()).isEqualTo("orders.placed.raw");
    assertThat(event.path("outputs"))
        .extracting(
            o ->
                o.path("name").asText()
                    + "="
                    + o.path("outputFacets").path("outputStatistics").path("rowCount").asLong())
        .containsExactly("orders.placed.certified=42", "orders.placed.dlq=3");
    assertThat(JSON.readTree(events.gatewayRun(stats, false).json()).path("eventType").asText())
        .isEqualTo("RUNNING");
  }

  @Test
  void qualityRunEventCarriesMetricsAndAssertions() throws Exception {
    QualityObservation observation =
        new QualityObservation(
            "orders.placed",
            AT,
            Optional.of(
                new QualityObservation.Metrics(
                    100,
                    2,
                    Map.of("/email", 7L),
                    Optional.of(AT.minusSeconds(300)),
                    Optional.of(AT))),
            List.of(
                new QualityObservation.AssertionResult(
                    "completeness/email.nullValues", false, "warning", "<= 5%", "7%", "too many"),
                new QualityObservation.AssertionResult("freshness", true, "error", "", "", "")));

    MetadataRecord record = events.qualityRun(observation, false);

    assertValid(record);
    JsonNode input = JSON.readTree(record.json()).path("inputs").get(0);
    assertThat(input.path("inputFacets").path("dataQualityMetrics").path("rowCount").asLong())
        .isEqualTo(100);
    assertThat(
            input
                .path("inputFacets")
                .path("dataQualityMetrics")
                .path("columnMetrics")
                .path("email")
                .path("nullCount")
                .asLong())
        .isEqualTo(7);
    assertThat(input.path("inputFacets").path("dataQualityAssertions").path("assertions"))
        .extracting(a -> a.path("assertion").asText() + ":" + a.path("success").asBoolean())
        .containsExactly("completeness:false", "freshness:true");
  }

  @Test
  void freshnessDroppedAndConsumerEventsValidate() throws Exception {
    Freshness freshness =
        Freshness.evaluate(
            "orders.placed",
            Optional.of(AT.minusSeconds(120)),
            Optional.of(Duration.ofMinutes(1)),
            AT.minusSeconds(3600),
            AT);

    MetadataRecord fresh = events.freshness(freshness);
    assertValid(fresh);
    JsonNode facet =
        JSON.readTree(fresh.json()).path("dataset").path("facets").path("mesh_freshness");
    assertThat(facet.path("status").asText()).isEqualTo("stale");
    assertThat(facet.path("ageSeconds").asLong()).isEqualTo(120);
    assertThat(facet.path("slaSeconds").asLong()).isEqualTo(60);

    for (MetadataRecord r : events.droppedDatasets("orders.placed", AT)) {
      assertValid(r);
    }
    MetadataRecord consumer =
        events.consumerJob("billing-app", List.of("orders.placed.certified"), AT);
    assertValid(consumer);
    assertThat(JSON.readTree(consumer.json()).path("job").path("name").asText())
        .isEqualTo("billing-app");
  }

  @Test
  void validatorRejectsAnEventThatBreaksTheSpec() throws Exception {
    MetadataRecord record =
        events.gatewayRun(
            new GatewayStatsEvent(
                "orders.placed", "gw", AT.minusSeconds(1), AT, 1, 1, 0, Map.of(), AT),
            false);
    String broken =
        record
            .json()
            .replace("\"rowCount\":1", "\"rowCount\":\"one\"")
            .replace("\"runId\"", "\"id\"");

    assertThat(validator.validate(broken))
        .anySatisfy(p -> assertThat(p).startsWith("event:"))
        .anySatisfy(p -> assertThat(p).contains("outputStatistics"));
  }

  private void assertValid(MetadataRecord record) throws Exception {
    assertThat(validator.validate(record.json())).as(record.json()).isEmpty();
    assertThat(OpenLineageSchemaValidator.facetCount(JSON.readTree(record.json())))
        .isGreaterThan(0);
  }
}
