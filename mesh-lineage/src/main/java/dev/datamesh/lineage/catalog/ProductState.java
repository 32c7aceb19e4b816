package dev.datamesh.lineage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.lineage.openlineage.QualityAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the catalog knows about one product; mutable, guarded by the catalog's lock. */
final class ProductState {
  final String productId;

  /** The latest {@code mesh_contract} facet of the certified topic, or null. */
  JsonNode contract;

  /** The latest schema facet fields of the certified topic. */
  JsonNode schemaFields;

  final Map<String, Instant> versions = new LinkedHashMap<>();
  boolean dropped;
  long certified;
  long deadLettered;

  /** The latest {@code mesh_freshness} facet, or null. */
  JsonNode freshness;

  String health;
  Instant healthAt;
  JsonNode healthAlerts;
  final Map<String, QualityAlert> alerts = new TreeMap<>();
  Long lastWindowRecords;
  List<JsonNode> lastAssertions = new ArrayList<>();

  ProductState(String productId) {
    this.productId = productId;
  }

  boolean visible() {
    return contract != null && !dropped;
  }

  String text(String field) {
    return contract == null ? "" : contract.path(field).asText("");
  }

  List<String> upstream() {
    List<String> ids = new ArrayList<>();
    if (contract != null) {
      contract.path("upstreamProducts").forEach(u -> ids.add(u.asText()));
    }
    return ids;
  }

  List<String> tags() {
    List<String> tags = new ArrayList<>();
    if (contract != null) {
      contract.path("tags").forEach(t -> tags.add(t.asText()));
    }
    return tags;
  }

  String freshnessStatus() {
    return freshness == null ? "unknown" : freshness.path("status").asText("unknown");
  }

  ProductStatus status() {
    if ("failing".equals(health)) {
      return ProductStatus.FAILING;
    }
    if ("stale".equals(freshnessStatus())) {
      return ProductStatus.STALE;
    }
    if ("degraded".equals(health)) {
      return ProductStatus.DEGRADED;
    }
    if ("healthy".equals(health) || "fresh".equals(freshnessStatus())) {
      return ProductStatus.HEALTHY;
    }
    return ProductStatus.UNKNOWN;
  }

  /** Percent of records certified among those the gateway decided on; null before any. */
  Double qualityScore() {
    long total = certified + deadLettered;
    return total == 0 ? null : Math.round(1000.0 * certified / total) / 10.0;
  }

  /** Open alerts: the health verdict's list once one was seen, else the firing alerts. */
  int openAlertCount() {
    if (healthAlerts != null) {
      return healthAlerts.size();
    }
    return (int) alerts.values().stream().filter(QualityAlert::firing).count();
  }
}
