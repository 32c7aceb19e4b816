package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.rules.JsonEventResult;
import dev.datamesh.contracts.rules.JsonEventValidator;
import dev.datamesh.contracts.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The demo {@code orders.order-placed} contract registered under a unique product name, and
 * ready-framed (Confluent wire format) good and bad values of it.
 *
 * <p>Values are few and reused: the suite identifies records by their unique key, which the gateway
 * keeps on certified and dead-letter records, so 100 k records cost 100 k keys and not 100 k Avro
 * encodings.
 */
final class OrdersProduct {
  static final String DOMAIN = "orders";

  private final String productId;
  private final DataContract contract;
  private final int schemaId;
  private final byte[][] good;
  private final byte[] ruleViolation;

  private OrdersProduct(String productId, DataContract contract, int schemaId) {
    this.productId = productId;
    this.contract = contract;
    this.schemaId = schemaId;
    this.good = new byte[16][];
    for (int i = 0; i < good.length; i++) {
      good[i] = frame(orderJson(i));
    }
    GenericRecord bad = record(orderJson(99));
    bad.put("currency", "DOGE");
    this.ruleViolation = WireFormat.frame(schemaId, encode(bad));
  }

  /** Registers the contract as {@code orders.<name>} and reads back its schema id. */
  static OrdersProduct register(Http registry, String name) {
    String yaml = yaml().replaceFirst("(?m)^dataProduct: .*$", "dataProduct: " + name);
    Http.Reply reply = registry.post("/contracts", "application/yaml", yaml);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String productId = DOMAIN + "." + name;
    JsonNode view = registry.get("/contracts/" + productId).json();
    DataContract contract =
        ContractLoader.create().load(view.path("document").toString()).contract().orElseThrow();
    return new OrdersProduct(productId, contract, view.path("schemaId").asInt());
  }

  static String yaml() {
    try (InputStream in =
        OrdersProduct.class.getResourceAsStream("/examples/orders.order-placed.odcs.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String productId() {
    return productId;
  }

  int schemaId() {
    return schemaId;
  }

  DataContract contract() {
    return contract;
  }

  String raw() {
    return productId + ".raw";
  }

  String certified() {
    return productId + ".certified";
  }

  String deadLetter() {
    return productId + ".dlq";
  }

  /** A valid framed order; {@code n} picks one of a few distinct values. */
  byte[] good(long n) {
    return good[(int) (n % good.length)];
  }

  /** A well-formed order that breaks the contract's currency rule (RULE_VIOLATION). */
  byte[] ruleViolation() {
    return ruleViolation;
  }

  /** A valid order as JSON, as the ingest API takes it. */
  static ObjectNode orderJson(int n) {
    ObjectNode order = Http.JSON.createObjectNode();
    order.put("orderId", String.format("ORD-%08d", n));
    order.put("customerId", "CUST-" + (1000 + n % 50));
    order.put("customerEmail", "customer" + n + "@shop.example");
    order.put("orderTotal", new BigDecimal("19.99").add(BigDecimal.valueOf(n % 100)));
    order.put("currency", "EUR");
    order.put("itemCount", 1 + n % 5);
    order.put("channel", "WEB");
    ObjectNode address = order.putObject("shippingAddress");
    address.put("city", "Lyon");
    address.put("postalCode", "69001");
    address.put("country", "FR");
    order.put("placedAt", "2026-11-21T10:15:30Z");
    return order;
  }

  /** The Avro encoding of {@code json} (checked against the contract), framed with the id. */
  byte[] frame(ObjectNode json) {
    return WireFormat.frame(schemaId, avro(json));
  }

  /** The bare Avro binary of a valid {@code json} event, no wire-format prefix. */
  byte[] avro(ObjectNode json) {
    return encode(record(json));
  }

  private GenericRecord record(ObjectNode json) {
    JsonEventResult result = JsonEventValidator.forContract(contract).validate(json);
    return result
        .record()
        .orElseThrow(() -> new IllegalArgumentException(result.violations().toString()));
  }

  private static byte[] encode(GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
