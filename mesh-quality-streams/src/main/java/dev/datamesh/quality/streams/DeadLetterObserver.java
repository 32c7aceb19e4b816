package dev.datamesh.quality.streams;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * First stage for dead-letter topics: one {@link Observation.Kind#DEAD_LETTER} observation per
 * record (its bytes are not read), with the {@code mesh.error.code} header. One instance per task.
 */
final class DeadLetterObserver implements Processor<byte[], byte[], String, Observation> {
  static final String ERROR_CODE_HEADER = "mesh.error.code";

  private ProcessorContext<String, Observation> context;

  @Override
  public void init(ProcessorContext<String, Observation> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    Optional<String> product = ProductTopicNames.productOf(topic, ProductTopicNames.DEAD_LETTER);
    if (product.isEmpty()) {
      return;
    }
    String code = CertifiedObserver.header(record.headers(), ERROR_CODE_HEADER);
    context.forward(
        new Record<>(
            product.get(), Observation.deadLetter(record.timestamp(), code), record.timestamp()));
  }
}
