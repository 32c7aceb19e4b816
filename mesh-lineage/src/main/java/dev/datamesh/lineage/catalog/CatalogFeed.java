package dev.datamesh.lineage.catalog;

import java.time.Duration;
import java.util.Map;

/**
 * Keeps a {@link Catalog} current from the topics: replays {@code mesh.metadata}, the product
 * health topic and the quality alerts topic from the beginning at start, then follows them
 * (read_committed, no consumer group, so every instance sees everything). Topics that do not exist
 * yet are picked up when they appear.
 *
 * <p>Runs on its own daemon thread; the catalog is marked ready once every partition known at start
 * has been read up to its end offset of that moment.
 */
public interface CatalogFeed extends AutoCloseable {

  /** Starts following the topics with a consumer built from {@code kafkaProperties}. */
  static CatalogFeed start(
      Map<String, Object> kafkaProperties,
      String metadataTopic,
      String healthTopic,
      String alertsTopic,
      Catalog catalog) {
    return TopicCatalogFeed.start(
        kafkaProperties, metadataTopic, healthTopic, alertsTopic, catalog);
  }

  /** Waits until the start-up replay is done; false if {@code timeout} passed first. */
  boolean awaitReplay(Duration timeout) throws InterruptedException;

  /** False after a failed poll, until the next one succeeds. */
  boolean healthy();

  @Override
  void close();
}
