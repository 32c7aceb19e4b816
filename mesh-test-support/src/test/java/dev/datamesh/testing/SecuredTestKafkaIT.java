package dev.datamesh.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class SecuredTestKafkaIT {
  private final SecuredTestKafka kafka = SecuredTestKafka.get();

  @Test
  void securedBrokerIsItsOwnBrokerNotTheSharedOne() {
    assertThat(kafka.bootstrapServers()).isNotEqualTo(TestKafka.shared().bootstrapServers());
    assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
  }

  @Test
  void aUserWritesATopicOnlyOnceAnAclAllowsIt() throws Exception {
    String topic = TestTopics.unique("secured");
    KafkaTestClients.createTopics(kafka, 1, topic);
    TestKafka orders = kafka.as("orders");
    assertThatThrownBy(() -> send(orders, topic, "denied"))
        .hasCauseInstanceOf(TopicAuthorizationException.class);

    try (Admin admin = KafkaTestClients.admin(kafka)) {
      admin
          .createAcls(
              List.of(
                  new AclBinding(
                      new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                      new AccessControlEntry(
                          SecuredTestKafka.principal("orders"),
                          "*",
                          AclOperation.WRITE,
                          AclPermissionType.ALLOW))))
          .all()
          .get(10, TimeUnit.SECONDS);
    }
    send(orders, topic, "allowed");
    List<ConsumerRecord<byte[], byte[]>> read =
        KafkaTestClients.readAll(kafka, topic, 1, Duration.ofSeconds(20));
    assertThat(read)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("allowed");
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> props = new HashMap<>(kafka.as("orders").clientProperties());
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"orders\" password=\"guess\";");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            props,
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("any", new byte[] {1})).get())
          .isInstanceOfAny(SaslAuthenticationException.class, ExecutionException.class);
    }
  }

  private static void send(TestKafka as, String topic, String value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(as)) {
      producer
          .send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8)))
          .get(20, TimeUnit.SECONDS);
    }
  }
}
