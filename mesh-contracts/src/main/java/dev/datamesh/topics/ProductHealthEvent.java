package dev.datamesh.topics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One record of {@link MeshTopics#PRODUCT_HEALTH} (compacted): the latest quality verdict of a
 * product, so a consumer can gate on it. Written whenever one of the product's alerts changes
 * state. Key = product id; value = this record as JSON ({@link MeshJson}). Format: docs/QUALITY.md.
 *
 * @param productId {@code <domain>.<product>}
 * @param status healthy, degraded or failing
 * @param openAlerts the product's FIRING alerts
 * @param contractVersion the contract version in force (empty if unknown)
 * @param owner the owning team from the contract
 * @param updatedAt when the verdict was computed
 */
public record ProductHealthEvent(
    String productId,
    Status status,
    List<OpenAlert> openAlerts,
    String contractVersion,
    String owner,
    Instant updatedAt) {

  /**
   * The verdict: {@code failing} with an open alert of severity {@code error}, else {@code
   * degraded} with an open {@code warning}, else {@code healthy} ({@code info} alerts do not
   * degrade).
   */
  public enum Status {
    HEALTHY,
    DEGRADED,
    FAILING;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status fromJson(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /** A FIRING alert of the product, as in its {@link QualityAlertEvent}. */
  public record OpenAlert(
      String fingerprint,
      String check,
      String kind,
      String severity,
      String observed,
      String expected,
      Instant firstSeen,
      List<String> inhibitedBy) {

    public OpenAlert {
      inhibitedBy = inhibitedBy == null ? List.of() : List.copyOf(inhibitedBy);
    }
  }

  public ProductHealthEvent {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(status, "status");
    openAlerts = openAlerts == null ? List.of() : List.copyOf(openAlerts);
    contractVersion = contractVersion == null ? "" : contractVersion;
    owner = owner == null ? "" : owner;
  }
}
