package dev.datamesh.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestServices;
import dev.datamesh.testing.TestTopics;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

class KafkaAdminShutdownIT {

  // repeated: the order in which a stopping context closes its beans is not fixed
  @RepeatedTest(3)
  void aStoppedServiceLeavesNoKafkaAdminClientBehind() throws Exception {
    // the service's Kafka clients carry this id, so other tests' clients in this JVM do not count
    String clientId = TestTopics.unique("admin-check");

    TestServices.start(
            TestKafka.shared(),
            "registry",
            Map.of(
                "mesh.registry.store.topic",
                TestTopics.unique("_mesh.contracts"),
                "kafka.client.id",
                clientId))
        .close();

    assertThat(adminThreadsOf(clientId))
        .as("admin client threads the stopped service left running")
        .isEmpty();
  }

  private static Set<String> adminThreadsOf(String clientId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.equals("kafka-admin-client-thread | " + clientId))
        .collect(Collectors.toSet());
  }
}
