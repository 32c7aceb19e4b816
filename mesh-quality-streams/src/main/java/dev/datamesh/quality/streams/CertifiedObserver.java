package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.quality.contracts.ProductContracts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage for certified topics: decodes the Avro value (Confluent wire format) and turns it
 * into an {@link Observation} keyed by product id. Never throws on bad input: a value that does not
 * decode becomes an {@link Observation.Kind#UNDECODABLE} observation. Records of products without a
 * contract are counted but not inspected. One instance per task.
 */
final class CertifiedObserver implements Processor<byte[], byte[], String, Observation> {
  private static final Logger LOG = LoggerFactory.getLogger(CertifiedObserver.class);
  static final String CONTRACT_VERSION_HEADER = "mesh.contract.version";
  static final String CERTIFIED_AT_HEADER = "mesh.certified.at";

  private final ProductContracts contracts;
  private final Deserializer<Object> avro;
  private final Map<String, RecordInspector> inspectors = new HashMap<>();
  private ProcessorContext<String, Observation> context;

  CertifiedObserver(ProductContracts contracts, Deserializer<Object> avro) {
    this.contracts = contracts;
    this.avro = avro;
  }

  @Override
  public void init(ProcessorContext<String, Observation> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    Optional<String> product = ProductTopicNames.productOf(topic, ProductTopicNames.CERTIFIED);
    if (product.isEmpty() || record.value() == null) {
      return;
    }
    String productId = product.get();
    long certifiedAt = certifiedAt(record.headers());
    String version = header(record.headers(), CONTRACT_VERSION_HEADER);
    Observation observation =
        contracts
            .contract(productId)
            .map(c -> inspect(topic, c, record, certifiedAt, version))
            .orElseGet(
                () ->
                    new Observation(
                        Observation.Kind.CERTIFIED,
                        record.timestamp(),
                        certifiedAt,
                        version,
                        null,
                        null,
                        null,
                        null));
    context.forward(new Record<>(productId, observation, observation.eventTime()));
  }

  private Observation inspect(
      String topic,
      DataContract contract,
      Record<byte[], byte[]> record,
      long certifiedAt,
      String version) {
    Object value;
    try {
      value = avro.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      LOG.debug("undecodable record on {}: {}", topic, e.getMessage());
      return Observation.undecodable(record.timestamp(), certifiedAt, version);
    }
    if (!(value instanceof GenericRecord generic)) {
      return Observation.undecodable(record.timestamp(), certifiedAt, version);
    }
    return inspector(contract).inspect(generic, record.timestamp(), certifiedAt);
  }

  private RecordInspector inspector(DataContract contract) {
    String productId = contract.productId().toString();
    RecordInspector inspector = inspectors.get(productId);
    if (inspector == null || inspector.contract() != contract) {
      inspector = RecordInspector.forContract(contract);
      inspectors.put(productId, inspector);
    }
    return inspector;
  }

  private static long certifiedAt(Headers headers) {
    String text = header(headers, CERTIFIED_AT_HEADER);
    if (text == null) {
      return -1;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  static String header(Headers headers, String name) {
    Header header = headers == null ? null : headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    avro.close();
  }
}
