package dev.datamesh.lineage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a product's state into its {@link ProductDetail}. Stateless. */
final class DetailAssembler {
  private DetailAssembler() {}

  static ProductDetail detail(
      ProductState s,
      ProductSummary summary,
      List<String> downstream,
      List<ConsumerView> consumers) {
    JsonNode c = s.contract;
    ProductDetail.ContractView contract =
        new ProductDetail.ContractView(
            s.text("contractId"),
            s.text("version"),
            s.text("status"),
            s.text("compatibility"),
            c.has("schemaId") ? c.path("schemaId").asInt() : null,
            c.path("registeredAt").asText(null));
    List<ProductDetail.VersionView> versions = new ArrayList<>();
    s.versions.forEach((v, at) -> versions.add(new ProductDetail.VersionView(v, at.toString())));
    List<ProductDetail.SupportView> support = new ArrayList<>();
    c.path("support")
        .forEach(
            ch ->
                support.add(
                    new ProductDetail.SupportView(
                        ch.path("channel").asText(""),
                        ch.path("tool").asText(""),
                        ch.path("url").asText(""))));
    Map<String, String> sla = new LinkedHashMap<>();
    c.path("sla").fields().forEachRemaining(e -> sla.put(e.getKey(), e.getValue().asText()));
    String id = s.productId;
    return new ProductDetail(
        summary,
        contract,
        versions,
        support,
        sla,
        fields(c, s.schemaFields),
        quality(s),
        alerts(s),
        new ProductDetail.TopicsView(id + ".raw", id + ".certified", id + ".dlq"),
        s.upstream(),
        downstream,
        consumers);
  }

  private static List<ProductDetail.FieldView> fields(JsonNode contract, JsonNode schemaFields) {
    Map<String, String> types = new HashMap<>();
    collectTypes(schemaFields, "", types);
    List<ProductDetail.FieldView> fields = new ArrayList<>();
    for (JsonNode f : contract.path("fields")) {
      String path = f.path("path").asText("");
      fields.add(
          new ProductDetail.FieldView(
              path,
              f.path("name").asText(""),
              types.getOrDefault(
                  path, f.path("physicalType").asText(f.path("logicalType").asText(""))),
              f.path("logicalType").asText(""),
              f.path("required").asBoolean(false),
              f.path("classification").asText(null),
              f.path("masking").asText(null),
              f.path("description").asText("")));
    }
    return fields;
  }

  private static void collectTypes(JsonNode fields, String prefix, Map<String, String> types) {
    if (fields == null) {
      return;
    }
    for (JsonNode f : fields) {
      String path = prefix + "/" + f.path("name").asText();
      types.put(path, f.path("type").asText(""));
      collectTypes(f.path("fields"), path, types);
    }
  }

  private static ProductDetail.QualityView quality(ProductState s) {
    List<ProductDetail.AssertionView> checks = new ArrayList<>();
    for (JsonNode a : s.lastAssertions) {
      checks.add(
          new ProductDetail.AssertionView(
              a.path("name").asText(a.path("assertion").asText("")),
              a.path("success").asBoolean(true),
              a.path("severity").asText(null),
              a.path("expected").asText(null),
              a.path("actual").asText(null)));
    }
    return new ProductDetail.QualityView(
        s.qualityScore(),
        s.health,
        s.healthAt == null ? null : s.healthAt.toString(),
        s.lastWindowRecords,
        checks);
  }

  private static List<ProductDetail.AlertView> alerts(ProductState s) {
    List<ProductDetail.AlertView> alerts = new ArrayList<>();
    if (s.healthAlerts != null) {
      for (JsonNode a : s.healthAlerts) {
        alerts.add(
            new ProductDetail.AlertView(
                a.path("fingerprint").asText(""),
                a.path("check").asText(""),
                a.path("severity").asText(""),
                a.path("observed").asText(""),
                a.path("expected").asText(""),
                a.path("summary").asText(""),
                a.path("firstSeen").asText(null)));
      }
      return alerts;
    }
    s.alerts.values().stream()
        .filter(a -> a.firing())
        .forEach(
            a ->
                alerts.add(
                    new ProductDetail.AlertView(
                        a.fingerprint(),
                        a.check(),
                        a.severity(),
                        a.observed(),
                        a.expected(),
                        a.summary(),
                        a.since().toString())));
    return alerts;
  }
}
