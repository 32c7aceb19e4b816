package dev.datamesh.lineage.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CatalogFeed} with one assigned (group-less) consumer on its own thread. */
final class TopicCatalogFeed implements CatalogFeed, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCatalogFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String metadataTopic;
  private final String healthTopic;
  private final String alertsTopic;
  private final Catalog catalog;
  private final CountDownLatch replayed = new CountDownLatch(1);
  private final Thread thread;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private Map<TopicPartition, Long> replayTargets;
  private volatile boolean running = true;
  private volatile boolean healthy;
  private long nextRefresh;

  private TopicCatalogFeed(
      Map<String, Object> kafkaProperties,
      String metadataTopic,
      String healthTopic,
      String alertsTopic,
      Catalog catalog) {
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "mesh-lineage-catalog");
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.metadataTopic = metadataTopic;
    this.healthTopic = healthTopic;
    this.alertsTopic = alertsTopic;
    this.catalog = catalog;
    this.thread = new Thread(this, "mesh-lineage-catalog-feed");
    thread.setDaemon(true);
  }

  static TopicCatalogFeed start(
      Map<String, Object> kafkaProperties,
      String metadataTopic,
      String healthTopic,
      String alertsTopic,
      Catalog catalog) {
    TopicCatalogFeed feed =
        new TopicCatalogFeed(kafkaProperties, metadataTopic, healthTopic, alertsTopic, catalog);
    feed.thread.start();
    return feed;
  }

  @Override
  public void run() {
    while (running) {
      try {
        if (System.currentTimeMillis() >= nextRefresh) {
          refreshAssignment();
          nextRefresh = System.currentTimeMillis() + REFRESH.toMillis();
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          dispatch(record);
        }
        healthy = true;
        checkReplayed();
      } catch (WakeupException | InterruptException e) {
        break;
      } catch (KafkaException e) {
        healthy = false;
        LOG.warn("reading the catalog topics failed (retrying): {}", e.toString());
        sleep(Duration.ofSeconds(1));
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void dispatch(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    if (topic.equals(metadataTopic)) {
      catalog.applyMetadata(record.value());
    } else if (topic.equals(healthTopic)) {
      catalog.applyHealth(record.key(), record.value());
    } else if (topic.equals(alertsTopic)) {
      catalog.applyAlert(record.value());
    }
  }

  private void refreshAssignment() {
    Set<TopicPartition> found = new HashSet<>();
    for (String topic : List.of(metadataTopic, healthTopic, alertsTopic)) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (partitions != null) {
        partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
      }
    }
    Set<TopicPartition> added = new HashSet<>(found);
    added.removeAll(assigned);
    if (!added.isEmpty()) {
      assigned.addAll(added);
      consumer.assign(assigned);
      consumer.seekToBeginning(added);
    }
    if (replayTargets == null) {
      replayTargets = consumer.endOffsets(assigned);
    }
  }

  private void checkReplayed() {
    if (replayed.getCount() == 0 || replayTargets == null) {
      return;
    }
    for (Map.Entry<TopicPartition, Long> target : replayTargets.entrySet()) {
      if (consumer.position(target.getKey()) < target.getValue()) {
        return;
      }
    }
    catalog.markReady();
    replayed.countDown();
    LOG.info("catalog replayed from {} partitions", replayTargets.size());
  }

  @Override
  public boolean awaitReplay(Duration timeout) throws InterruptedException {
    return replayed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
