package dev.datamesh.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class RepartitioningPassThroughTest {

  @Test
  void everyRecordCrossesTheRepartitionKeyedByProductWithItsFirst64Bytes() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "repartition-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            QualityRun.repartitioningPassThrough("in", "out", "shop.orders"), props)) {
      TestInputTopic<byte[], byte[]> in =
          driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
      TestOutputTopic<String, byte[]> out =
          driver.createOutputTopic("out", new StringDeserializer(), new ByteArrayDeserializer());
      byte[] big = "x".repeat(200).getBytes(StandardCharsets.UTF_8);
      byte[] small = "tiny".getBytes(StandardCharsets.UTF_8);

      in.pipeInput(bytes("k1"), big);
      in.pipeInput(bytes("k2"), small);

      List<KeyValue<String, byte[]>> copied = out.readKeyValuesToList();
      assertThat(copied).extracting(kv -> kv.key).containsExactly("shop.orders", "shop.orders");
      assertThat(copied.get(0).value).hasSize(64);
      assertThat(copied.get(1).value).isEqualTo(small);
      assertThat(driver.producedTopicNames()).anyMatch(t -> t.endsWith("observations-repartition"));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
