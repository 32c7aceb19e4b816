package dev.datamesh.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.rules.JsonEventResult;
import dev.datamesh.contracts.serde.AvroWire;
import dev.datamesh.registry.RegistryError;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates JSON events against a product's contract and writes them to its raw topic in one Kafka
 * transaction (all or nothing). Requests are serialised on one transactional producer.
 */
@Singleton
final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  static final int MAX_EVENTS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayService gateway;
  private final GatewayAuthConfig.GatewayAccess access;
  private final GatewayConfig config;
  private KafkaProducer<byte[], byte[]> producer;

  IngestService(GatewayService gateway, GatewayAuthConfig auth, GatewayConfig config) {
    this.gateway = gateway;
    this.access = auth.access();
    this.config = config;
  }

  ApiReply ingest(String productId, String body, String authorization) {
    Optional<ActiveProduct> product = gateway.product(productId);
    if (product.isEmpty()) {
      return ApiReply.error(
          404, 40461, "no data product '" + productId + "' with a registered contract");
    }
    DataContract contract = product.get().registered().contract();
    Optional<RegistryError> denied =
        access.check(authorization, contract.topics().rawValueSubject());
    if (denied.isPresent()) {
      RegistryError error = denied.get();
      return ApiReply.error(error.code().httpStatus(), error.code().errorCode(), error.message());
    }
    List<JsonNode> events;
    try {
      events = events(body);
    } catch (JsonProcessingException e) {
      return ApiReply.error(400, 40001, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return ApiReply.error(422, 42262, e.getMessage());
    }
    if (events.size() > MAX_EVENTS) {
      return ApiReply.error(
          413, 41301, events.size() + " events in one request; the limit is " + MAX_EVENTS);
    }
    List<GenericRecord> records = new ArrayList<>();
    List<Map<String, Object>> violations = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonEventResult result = product.get().json().validate(events.get(i));
      if (result.valid()) {
        records.add(result.record().orElseThrow());
      }
      for (ContractViolation v : result.violations()) {
        violations.add(ApiReply.violation(i, v.errorCode(), v.pointer(), v.message()));
      }
    }
    if (!violations.isEmpty()) {
      return ApiReply.error(
          422,
          42261,
          violations.size() + " contract violation(s); nothing was written",
          Map.of("violations", violations));
    }
    return write(product.get(), records);
  }

  private ApiReply write(ActiveProduct product, List<GenericRecord> records) {
    DataContract contract = product.registered().contract();
    int schemaId = schemaId(product);
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
    for (GenericRecord record : records) {
      byte[] key =
          contract
              .kafka()
              .keyField()
              .map(record::get)
              .map(k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8))
              .orElse(null);
      out.add(
          new ProducerRecord<>(contract.topics().raw(), key, AvroWire.encode(schemaId, record)));
    }
    try {
      List<RecordMetadata> written = send(out);
      List<Map<String, Object>> offsets = new ArrayList<>();
      for (RecordMetadata m : written) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("partition", m.partition());
        o.put("offset", m.offset());
        offsets.add(o);
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("productId", product.productId());
      reply.put("topic", contract.topics().raw());
      reply.put("schemaId", schemaId);
      reply.put("records", offsets);
      return ApiReply.ok(201, reply);
    } catch (KafkaException | java.util.concurrent.ExecutionException e) {
      LOG.warn("ingest into {} failed: {}", contract.topics().raw(), e.toString());
      return ApiReply.error(
          503, 50301, "writing to Kafka failed; nothing was written: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ApiReply.error(503, 50301, "interrupted; nothing was written");
    }
  }

  private synchronized List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records)
      throws java.util.concurrent.ExecutionException, InterruptedException {
    KafkaProducer<byte[], byte[]> p = producer();
    p.beginTransaction();
    try {
      List<Future<RecordMetadata>> futures = new ArrayList<>();
      for (ProducerRecord<byte[], byte[]> r : records) {
        futures.add(p.send(r));
      }
      p.commitTransaction();
      List<RecordMetadata> written = new ArrayList<>();
      for (Future<RecordMetadata> f : futures) {
        written.add(f.get());
      }
      return written;
    } catch (KafkaException e) {
      closeProducer(); // a failed transactional producer is rebuilt for the next request
      throw e;
    }
  }

  private int schemaId(ActiveProduct product) {
    if (product.registered().schemaId() > 0) {
      return product.registered().schemaId();
    }
    DataContract contract = product.registered().contract();
    return gateway
        .registry()
        .lookup(contract.topics().rawValueSubject(), contract.valueSchema())
        .id();
  }

  private static List<JsonNode> events(String body) throws JsonProcessingException {
    if (body.isBlank()) {
      throw new IllegalArgumentException(
          "the body is empty; send a JSON object or an array of them");
    }
    JsonNode root = JSON.readTree(body);
    List<JsonNode> events = new ArrayList<>();
    if (root.isObject()) {
      events.add(root);
    } else if (root.isArray()) {
      for (JsonNode e : root) {
        if (!e.isObject()) {
          throw new IllegalArgumentException("every element of the array must be a JSON object");
        }
        events.add(e);
      }
    } else {
      throw new IllegalArgumentException("send a JSON object or an array of JSON objects");
    }
    return events;
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(gateway.kafkaProperties());
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId() + "-ingest");
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
      producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      producer.initTransactions();
    }
    return producer;
  }

  private synchronized void closeProducer() {
    if (producer != null) {
      try {
        producer.close(java.time.Duration.ofSeconds(5));
      } catch (KafkaException e) {
        LOG.debug("closing the ingest producer failed", e);
      }
      producer = null;
    }
  }

  @Override
  @PreDestroy
  public void close() {
    closeProducer();
  }
}
