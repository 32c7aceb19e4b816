package dev.datamesh.lineage.catalog;

import dev.datamesh.lineage.discovery.ConsumerGroup;
import dev.datamesh.lineage.openlineage.QualityObservation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data product catalog: state in memory, built only from what is on the topics ({@code
 * mesh.metadata}, {@code mesh.product.health}, {@code mesh.quality.alerts}) plus the live consumer
 * discovery, so replaying the topics after a restart rebuilds it exactly.
 *
 * <p>Threading: the {@code apply*} methods are called by the feed and discovery threads, the
 * queries by HTTP threads; every method is safe to call concurrently. Malformed or foreign records
 * are ignored (counted in {@link #ignoredRecords()}), never thrown.
 */
public interface Catalog {

  /** An empty catalog that computes ages with {@code clock}. */
  static Catalog create(Clock clock) {
    return new MemoryCatalog(clock);
  }

  /** Applies one OpenLineage event from {@code mesh.metadata}. */
  void applyMetadata(byte[] json);

  /** Applies one {@code mesh.product.health} record (null value: the product's verdict is gone). */
  void applyHealth(String key, byte[] json);

  /** Applies one {@code mesh.quality.alerts} record. */
  void applyAlert(byte[] json);

  /** Replaces the consumer groups with a fresh discovery snapshot. */
  void applyConsumers(List<ConsumerGroup> groups);

  /** Replaces the approved subscriptions with a fresh snapshot from the registry. */
  void applySubscriptions(List<Subscriber> subscribers);

  /** Records that the topics have been replayed up to their end at start-up. */
  void markReady();

  /** True once the start-up replay is done. */
  boolean ready();

  /** Records skipped because they could not be read. */
  long ignoredRecords();

  // Queries.

  /** Products matching {@code query}, by product id. */
  List<ProductSummary> search(ProductQuery query);

  /** One product; empty if the catalog does not know it. */
  Optional<ProductDetail> product(String productId);

  /** The whole graph: products, declared upstream edges and discovered consumers. */
  LineageGraph graph();

  /**
   * The product's neighbourhood: its topics and gateway job, every product upstream and downstream
   * of it (transitively) and their consumers; empty if the product is unknown.
   */
  Optional<LineageGraph> productGraph(String productId);

  /** Consumer groups of the product's certified topic; empty if the product is unknown. */
  Optional<List<ConsumerView>> consumers(String productId);

  // What the emitter continues from after a restart.

  /** The contract version last published for the product (empty if none or dropped). */
  Optional<String> publishedVersion(String productId);

  /** Names of the jobs whose run has started (a START was published). */
  Set<String> startedJobs();

  /** The newest certified event time last published in a freshness event. */
  Optional<Instant> newestEventTime(String productId);

  /** When the product's freshness was last published. */
  Optional<Instant> freshnessPublishedAt(String productId);

  /** Consumer groups as last published in JobEvents: group id → topics. */
  Map<String, List<String>> publishedConsumers();

  /** The latest state of each of the product's quality checks, from the alerts topic. */
  List<QualityObservation.AssertionResult> checks(String productId);
}
