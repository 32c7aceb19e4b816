package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/** Records of the {@code shop.orders} and {@code shop.invoices} test contracts. */
final class ShopOrders {
  static final DataContract ORDERS = TestContracts.test("shop.orders");
  static final DataContract INVOICES = TestContracts.test("shop.invoices");

  private ShopOrders() {}

  static GenericRecord order(String id, String email, String status) {
    Map<String, Object> values = new HashMap<>();
    values.put("orderId", id);
    values.put("email", email);
    values.put("status", status);
    return QualityDriver.record(ORDERS, values);
  }

  static GenericRecord good(String id) {
    return order(id, id + "@shop.example", "NEW");
  }

  static GenericRecord invoice(String id) {
    return QualityDriver.record(INVOICES, Map.of("invoiceId", id, "orderId", "o-" + id));
  }
}
