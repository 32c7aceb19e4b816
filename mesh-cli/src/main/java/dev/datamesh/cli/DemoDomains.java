package dev.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.rules.JsonEventResult;
import dev.datamesh.contracts.rules.JsonEventValidator;
import dev.datamesh.contracts.serde.AvroWire;
import dev.datamesh.contracts.serde.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo domains of {@code ./mesh dev}: registers the example contracts (orders, payments,
 * catalog and the derived analytics product) and produces a steady stream to their raw topics in
 * the Confluent wire format, with a small share of bad records (rule violations, garbage bytes,
 * unknown schema ids). The catalog product goes silent after a while so its freshness alert fires;
 * the analytics product is derived from orders and payments (lineage upstream).
 */
final class DemoDomains implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoDomains.class);
  static final List<String> PRODUCTS =
      List.of(
          "orders.order-placed",
          "payments.transaction",
          "catalog.inventory-level",
          "analytics.revenue-by-hour");
  static final String SILENT_PRODUCT = "catalog.inventory-level";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Registered> products = new HashMap<>();
  private final KafkaProducer<byte[], byte[]> producer;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mesh-demo"));
  private final DemoEvents events = new DemoEvents();
  private final Duration silenceAfter;
  private long silentAt;
  private final Map<String, double[]> revenue = new HashMap<>();
  private long ticks;

  private record Registered(DataContract contract, int schemaId, JsonEventValidator validator) {}

  private DemoDomains(String bootstrap, Duration silenceAfter) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.silenceAfter = silenceAfter;
  }

  /**
   * Registers the demo contracts with the registry at {@code registryUrl} (which creates their
   * topics). Registering before the other services start means they find every demo topic at
   * start-up. {@link #startProducing()} then starts the traffic.
   */
  static DemoDomains register(
      String registryUrl, String bootstrap, Duration silenceAfter, Duration silentFreshness)
      throws IOException, InterruptedException {
    DemoDomains demo = new DemoDomains(bootstrap, silenceAfter);
    HttpClient http = HttpClient.newHttpClient();
    for (String product : PRODUCTS) {
      demo.products.put(product, register(http, registryUrl, product, silentFreshness));
    }
    return demo;
  }

  /** Starts the demo traffic; the catalog product's silence is counted from now. */
  DemoDomains startProducing() {
    silentAt = System.nanoTime() + silenceAfter.toNanos();
    executor.scheduleAtFixedRate(this::tickQuietly, 500, 250, TimeUnit.MILLISECONDS);
    return this;
  }

  private static Registered register(
      HttpClient http, String registryUrl, String product, Duration silentFreshness)
      throws IOException, InterruptedException {
    String yaml;
    try (InputStream in =
        DemoDomains.class.getResourceAsStream("/examples/" + product + ".odcs.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (product.equals(SILENT_PRODUCT)) {
      // The example promises hourly freshness; the demo wants its alert within a minute or so.
      yaml =
          yaml.replace(
              "property: frequency\n    value: 1\n    unit: h",
              "property: frequency\n    value: " + silentFreshness.toSeconds() + "\n    unit: s");
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(registryUrl + "/contracts"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 409) {
      // The broker's data already holds this demo version with other content (an older mesh, or
      // another --silent-freshness): versions are immutable, so the demo runs on the registered
      // one.
      LOG.info("demo contract {} is already registered with other content; using it", product);
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(registryUrl + "/contracts/" + product)).build(),
              HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() != 200) {
      throw new CliFailure(
          "Registering the demo contract "
              + product
              + " failed (HTTP "
              + response.statusCode()
              + "): "
              + response.body()
              + ". Start with an empty --data-dir, or --no-demo.");
    }
    JsonNode body = JSON.readTree(response.body());
    DataContract contract =
        ContractLoader.create().load(body.path("document").toString()).contract().orElseThrow();
    return new Registered(
        contract, body.path("schemaId").asInt(), JsonEventValidator.forContract(contract));
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("demo producer: {}", e.toString());
    }
  }

  private void tick() {
    ticks++;
    for (int i = 0; i < 2; i++) {
      ObjectNode order = events.order();
      send("orders.order-placed", order);
      double[] r = revenue.computeIfAbsent(order.path("currency").asText(), c -> new double[3]);
      r[0] += order.path("orderTotal").asDouble();
      r[1]++;
      if (events.chance(0.9)) {
        ObjectNode payment = events.payment(order);
        send("payments.transaction", payment);
        if ("CAPTURED".equals(payment.path("status").asText())) {
          r[2] += payment.path("amount").asDouble();
        }
      }
    }
    if (System.nanoTime() < silentAt) {
      send(SILENT_PRODUCT, events.inventory());
    }
    if (ticks % 40 == 0) { // every 10 s: the derived product's running totals
      revenue.forEach(
          (currency, r) ->
              send("analytics.revenue-by-hour", events.revenue(currency, r[0], (long) r[1], r[2])));
    }
  }

  /** Sends a valid event, or (sometimes) one of the bad kinds the gateway must dead-letter. */
  private void send(String product, ObjectNode event) {
    Registered registered = products.get(product);
    JsonEventResult result = registered.validator().validate(event);
    if (!result.valid()) {
      LOG.debug("demo event of {} is invalid: {}", product, result.violations());
      return;
    }
    GenericRecord record = result.record().orElseThrow();
    String keyField = registered.contract().kafka().keyField().orElse(null);
    byte[] key =
        keyField == null
            ? null
            : String.valueOf(record.get(keyField)).getBytes(StandardCharsets.UTF_8);
    byte[] value = AvroWire.encode(registered.schemaId(), record);
    if (events.chance(0.01)) {
      value = "this is not Avro".getBytes(StandardCharsets.UTF_8);
    } else if (events.chance(0.01)) {
      WireFormat.writePrefix(value, 999_999); // a schema id nobody registered
    } else if (events.chance(0.03) && breakRule(registered, record)) {
      value = AvroWire.encode(registered.schemaId(), record);
    }
    producer.send(new ProducerRecord<>(registered.contract().topics().raw(), key, value));
  }

  /** Makes the record break one of its product's rules; false if the product has no handle. */
  private static boolean breakRule(Registered registered, GenericRecord record) {
    String keyField = registered.contract().kafka().keyField().orElse("");
    if (record.getSchema().getField("currency") != null
        && record.getSchema().getField("currency").schema().getType()
            == org.apache.avro.Schema.Type.STRING) {
      record.put("currency", "DOGE");
      return true;
    }
    if (record.getSchema().getField(keyField) != null) {
      record.put(keyField, "not-a-valid-key");
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    // shutdown, not shutdownNow: an interrupted send would fail loudly. The periodic task is
    // cancelled; a tick that is mid-send finishes before the producer goes away.
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
