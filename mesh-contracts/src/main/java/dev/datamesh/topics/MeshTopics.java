package dev.datamesh.topics;

/**
 * Names of the mesh's own topics and of each data product's topics (DESIGN.md, "Names"). Every
 * service uses these, so a name changes in one place.
 */
public final class MeshTopics {
  /** The registry's compacted log. */
  public static final String CONTRACTS = "_mesh.contracts";

  /** OpenLineage lineage and freshness events. */
  public static final String METADATA = "mesh.metadata";

  /** Quality alerts, keyed by alert fingerprint. */
  public static final String QUALITY_ALERTS = "mesh.quality.alerts";

  /** Quality metrics per window. */
  public static final String QUALITY_METRICS = "mesh.quality.metrics";

  /** Latest health verdict per product (compacted, key = product id). */
  public static final String PRODUCT_HEALTH = "mesh.product.health";

  /** Per-product certified / dead-lettered counts per interval, from the gateway. */
  public static final String GATEWAY_STATS = "mesh.gateway.stats";

  /** One report per dead-letter redrive, from the gateway (key = product id). */
  public static final String GATEWAY_REDRIVE = "mesh.gateway.redrive";

  private MeshTopics() {}

  public static String raw(String productId) {
    return productId + ".raw";
  }

  public static String certified(String productId) {
    return productId + ".certified";
  }

  public static String deadLetter(String productId) {
    return productId + ".dlq";
  }
}
