package dev.datamesh.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the embedded broker's ERROR for an out-of-order sequence on a produce request (logger
 * {@code kafka.server.ReplicaManager}). With transactions v2 an exactly-once client that aborts
 * while sends are in flight (Kafka Streams closing at Ctrl-C) bumps its epoch; the late batches are
 * refused with this error, the client treats the refusal as part of the abort, and nothing is lost
 * or duplicated. On the console of {@code mesh dev} it would read as a fault an operator must act
 * on, which it is not. Every other broker error still shows. Public: logback instantiates it.
 */
public final class AbortedTransactionNoiseFilter extends Filter<ILoggingEvent> {
  private static final String LOGGER = "kafka.server.ReplicaManager";
  private static final String EXCEPTION =
      "org.apache.kafka.common.errors.OutOfOrderSequenceException";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return LOGGER.equals(event.getLoggerName())
            && thrown != null
            && EXCEPTION.equals(thrown.getClassName())
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
