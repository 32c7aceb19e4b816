package dev.datamesh.lineage.catalog;

import java.util.List;

/**
 * One product in a catalog listing.
 *
 * @param productId {@code <domain>.<product>}
 * @param name display name from the contract
 * @param domain the domain
 * @param owner the owning team
 * @param description the contract's purpose
 * @param tags the contract's tags
 * @param version the current contract version
 * @param status the badge ({@link ProductStatus#json()})
 * @param health the quality verdict ({@code healthy}, {@code degraded}, {@code failing}) or null
 * @param freshness freshness against the SLA
 * @param certified records certified so far
 * @param deadLettered records dead-lettered so far
 * @param qualityScore share of records that passed the contract, in percent; null before any
 * @param openAlerts firing quality alerts
 * @param consumers consumer groups reading the certified topic
 */
public record ProductSummary(
    String productId,
    String name,
    String domain,
    String owner,
    String description,
    List<String> tags,
    String version,
    String status,
    String health,
    FreshnessView freshness,
    long certified,
    long deadLettered,
    Double qualityScore,
    int openAlerts,
    int consumers) {

  public ProductSummary {
    tags = List.copyOf(tags);
  }

  /**
   * Freshness as last published on {@code mesh.metadata}, with the age recomputed at query time.
   *
   * @param status {@code fresh}, {@code stale} or {@code unknown}
   * @param newestEventTime ISO-8601 event time of the newest certified record, or null
   * @param ageSeconds its age now, or null
   * @param slaSeconds the freshness SLA, or null
   * @param evaluatedAt when the lineage service last evaluated it, or null
   */
  public record FreshnessView(
      String status, String newestEventTime, Long ageSeconds, Long slaSeconds, String evaluatedAt) {

    /** Nothing known yet. */
    public static FreshnessView unknown() {
      return new FreshnessView("unknown", null, null, null, null);
    }
  }
}
