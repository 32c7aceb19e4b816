package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.quality.contracts.ProductContracts;
import dev.datamesh.topics.GatewayStatsEvent;
import dev.datamesh.topics.MeshJson;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage for the gateway's stats topic: each event says the product is alive and how new its
 * newest certified record is. The task of partition 0 also announces every product with a contract
 * ({@link Observation.Kind#KNOWN}) on a wall-clock schedule, so products that never produced reach
 * the task that owns them and their freshness is checked. One instance per task.
 */
final class StatsObserver implements Processor<byte[], byte[], String, Observation> {
  private static final Logger LOG = LoggerFactory.getLogger(StatsObserver.class);

  private final ProductContracts contracts;
  private final Duration announceInterval;
  private ProcessorContext<String, Observation> context;

  StatsObserver(ProductContracts contracts, Duration announceInterval) {
    this.contracts = contracts;
    this.announceInterval = announceInterval;
  }

  @Override
  public void init(ProcessorContext<String, Observation> context) {
    this.context = context;
    if (context.taskId().partition() == 0) {
      context.schedule(announceInterval, PunctuationType.WALL_CLOCK_TIME, this::announce);
    }
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    GatewayStatsEvent stats;
    try {
      stats = MeshJson.read(record.value(), GatewayStatsEvent.class);
    } catch (IllegalArgumentException e) {
      LOG.debug("ignoring a malformed gateway stats event: {}", e.getMessage());
      return;
    }
    long newest = stats.newestEventTime() == null ? -1 : stats.newestEventTime().toEpochMilli();
    context.forward(new Record<>(stats.productId(), Observation.stats(newest), record.timestamp()));
  }

  private void announce(long now) {
    for (DataContract contract : contracts.all()) {
      context.forward(new Record<>(contract.productId().toString(), Observation.known(), now));
    }
  }
}
