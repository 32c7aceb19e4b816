package dev.datamesh.lineage.catalog;

import java.util.List;
import java.util.Map;

/**
 * Everything the catalog knows about one product ({@code GET /api/products/{id}}).
 *
 * @param summary the listing entry (status, freshness, counts, ...)
 * @param contract the current contract
 * @param versions every contract version seen, oldest first
 * @param support support channels
 * @param sla SLA name → ISO-8601 duration (or text for throughput)
 * @param schema the fields, nested ones included, in order
 * @param quality score, health and the latest check results
 * @param openAlerts firing quality alerts
 * @param topics the product's topic names
 * @param upstream products it declares as inputs
 * @param downstream products that declare it as an input
 * @param consumers consumer groups reading its certified topic
 */
public record ProductDetail(
    ProductSummary summary,
    ContractView contract,
    List<VersionView> versions,
    List<SupportView> support,
    Map<String, String> sla,
    List<FieldView> schema,
    QualityView quality,
    List<AlertView> openAlerts,
    TopicsView topics,
    List<String> upstream,
    List<String> downstream,
    List<ConsumerView> consumers) {

  public ProductDetail {
    versions = List.copyOf(versions);
    support = List.copyOf(support);
    sla = Map.copyOf(sla);
    schema = List.copyOf(schema);
    openAlerts = List.copyOf(openAlerts);
    upstream = List.copyOf(upstream);
    downstream = List.copyOf(downstream);
    consumers = List.copyOf(consumers);
  }

  /** The current contract: id, version, ODCS status, compatibility, registry ids. */
  public record ContractView(
      String contractId,
      String version,
      String status,
      String compatibility,
      Integer schemaId,
      String registeredAt) {}

  /** One contract version and when the catalog first saw it. */
  public record VersionView(String version, String seenAt) {}

  /** One support channel. */
  public record SupportView(String channel, String tool, String url) {}

  /** One field of the record ({@code path} is its JSON Pointer). */
  public record FieldView(
      String path,
      String name,
      String type,
      String logicalType,
      boolean required,
      String classification,
      String masking,
      String description) {}

  /**
   * Quality: the share of records that passed the contract, the health verdict and the latest check
   * results reported by the quality job.
   */
  public record QualityView(
      Double score,
      String health,
      String healthUpdatedAt,
      Long lastWindowRecords,
      List<AssertionView> checks) {
    public QualityView {
      checks = List.copyOf(checks);
    }
  }

  /** The latest result of one quality check. */
  public record AssertionView(
      String check, boolean success, String severity, String expected, String actual) {}

  /** A firing quality alert. */
  public record AlertView(
      String fingerprint,
      String check,
      String severity,
      String observed,
      String expected,
      String summary,
      String since) {}

  /** The product's topics. */
  public record TopicsView(String raw, String certified, String deadLetter) {}
}
