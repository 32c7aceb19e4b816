package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mesh kafka} starts a broker that any Kafka client can use, and stops cleanly. */
class KafkaCommandIT {

  @Test
  void meshKafkaServesClientsAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
    String bootstrap;
    try (MeshProcess mesh =
        MeshProcess.start("kafka", "--kafka-port", "0", "--data-dir", dataDir.toString())) {
      bootstrap = bootstrapOf(mesh);
      try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(at(bootstrap))) {
        producer.send(new ProducerRecord<>("hello", "kept".getBytes(StandardCharsets.UTF_8))).get();
      }
      int exit = mesh.terminate(Duration.ofSeconds(30));
      assertThat(mesh.output()).as("exit " + exit).contains("Stopping", "stopped Kafka broker");
    }

    try (MeshProcess again =
        MeshProcess.start("kafka", "--kafka-port", "0", "--data-dir", dataDir.toString())) {
      List<ConsumerRecord<byte[], byte[]>> records =
          KafkaTestClients.readAll(at(bootstrapOf(again)), "hello", 1, Duration.ofSeconds(30));
      assertThat(records)
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactly("kept");
      again.terminate(Duration.ofSeconds(30));
    }
  }

  @Test
  void aSecondBrokerOnTheSameDataDirectoryIsRefusedWithAClearMessage(@TempDir Path dataDir)
      throws Exception {
    try (MeshProcess first =
        MeshProcess.start("kafka", "--kafka-port", "0", "--data-dir", dataDir.toString())) {
      bootstrapOf(first);
      try (MeshProcess second =
          MeshProcess.start("kafka", "--kafka-port", "0", "--data-dir", dataDir.toString())) {
        second.awaitLine(l -> l.contains("in use by another broker"), Duration.ofSeconds(60));
      }
      first.terminate(Duration.ofSeconds(30));
    }
  }

  static String bootstrapOf(MeshProcess mesh) throws InterruptedException {
    String line = mesh.awaitLine(l -> l.trim().startsWith("bootstrap"), Duration.ofSeconds(90));
    return line.trim().split("\\s+")[1];
  }

  static TestKafka at(String bootstrap) {
    return TestKafka.external(bootstrap);
  }
}
