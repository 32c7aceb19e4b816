package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.rules.JsonEventResult;
import dev.datamesh.contracts.rules.JsonEventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.generic.GenericRecord;

/** The demo {@code orders.order-placed} contract and valid events of it, for gateway tests. */
final class OrdersFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  private OrdersFixture() {}

  static String contractYaml() {
    try (InputStream in =
        OrdersFixture.class.getResourceAsStream("/examples/orders.order-placed.odcs.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DataContract contract() {
    ContractLoadResult result = ContractLoader.create().load(contractYaml());
    assertThat(result.violations()).isEmpty();
    return result.contract().orElseThrow();
  }

  /** A valid order event as JSON; {@code n} makes ids unique. */
  static ObjectNode orderJson(int n) {
    ObjectNode order = JSON.createObjectNode();
    order.put("orderId", String.format("ORD-%08d", n));
    order.put("customerId", "CUST-" + (1000 + n % 50));
    order.put("customerEmail", "customer" + n + "@shop.example");
    order.put(
        "orderTotal", new java.math.BigDecimal("19.99").add(java.math.BigDecimal.valueOf(n % 100)));
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

  static GenericRecord order(DataContract contract, int n) {
    JsonEventResult result = JsonEventValidator.forContract(contract).validate(orderJson(n));
    assertThat(result.violations()).isEmpty();
    return result.record().orElseThrow();
  }
}
