package dev.datamesh.quality.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A JSON document for one of the output topics; the topology's sink routes by {@link #topic}. */
record Output(String topic, byte[] json) {

  /** Writes only the JSON; the topic is chosen by the sink's topic name extractor. */
  static Serde<Output> serde() {
    return Serdes.serdeFrom(
        (topic, output) -> output == null ? null : output.json(),
        (topic, bytes) -> {
          throw new UnsupportedOperationException("outputs are never read back");
        });
  }
}
