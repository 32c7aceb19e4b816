package dev.datamesh.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class AbortedTransactionNoiseFilterTest {
  private final LoggerContext context = new LoggerContext();
  private final AbortedTransactionNoiseFilter filter = new AbortedTransactionNoiseFilter();

  private FilterReply decide(String logger, Throwable thrown) {
    Logger log = context.getLogger(logger);
    return filter.decide(
        new LoggingEvent("fqcn", log, Level.ERROR, "Error processing append", thrown, null));
  }

  @Test
  void theBrokersOutOfOrderSequenceErrorIsDropped() {
    assertThat(decide("kafka.server.ReplicaManager", new OutOfOrderSequenceException("late batch")))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void everyOtherErrorStillShows() {
    assertThat(decide("kafka.server.ReplicaManager", new IllegalStateException("disk")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("kafka.server.ReplicaManager", null)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("dev.datamesh.gateway", new OutOfOrderSequenceException("x")))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
