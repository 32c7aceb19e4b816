package dev.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

/** Plausible events of the four demo products, as JSON (validated and encoded by the demo). */
final class DemoEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP", "CHF"};
  private static final String[] CITIES = {"Lyon", "Berlin", "Amsterdam", "London", "Zurich"};
  private static final String[] WAREHOUSES = {"AMS-1", "BER-1", "LON-1"};
  private final Random random = new Random(42);
  private int orders;

  ObjectNode order() {
    orders++;
    ObjectNode o = JSON.createObjectNode();
    o.put("orderId", String.format("ORD-%08d", orders));
    o.put("customerId", "cust-" + (10_000 + random.nextInt(5_000)));
    o.put("customerEmail", "customer" + random.nextInt(5_000) + "@example.com");
    o.put("orderTotal", Math.round((5 + random.nextDouble() * 400) * 100) / 100.0);
    o.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
    o.put("itemCount", 1 + random.nextInt(6));
    o.put("channel", random.nextInt(3) == 0 ? "MOBILE_APP" : "WEB");
    ObjectNode address = o.putObject("shippingAddress");
    address.put("city", CITIES[random.nextInt(CITIES.length)]);
    address.put("postalCode", String.valueOf(10_000 + random.nextInt(80_000)));
    address.put("country", "FR");
    o.put("placedAt", now());
    return o;
  }

  ObjectNode payment(ObjectNode order) {
    ObjectNode p = JSON.createObjectNode();
    p.put("transactionId", UUID.randomUUID().toString());
    p.put("orderId", order.path("orderId").asText());
    p.put("amount", order.path("orderTotal").asDouble());
    p.put("currency", order.path("currency").asText());
    p.put("method", random.nextInt(4) == 0 ? "PAYPAL" : "CARD");
    p.put("status", random.nextInt(20) == 0 ? "DECLINED" : "CAPTURED");
    p.put("cardLast4", String.format("%04d", random.nextInt(10_000)));
    p.put("processedAt", now());
    return p;
  }

  ObjectNode inventory() {
    String warehouse = WAREHOUSES[random.nextInt(WAREHOUSES.length)];
    String sku = String.format("SKU-%08d", random.nextInt(200));
    ObjectNode i = JSON.createObjectNode();
    i.put("inventoryKey", warehouse + "/" + sku);
    i.put("sku", sku);
    i.put("warehouseId", warehouse);
    int onHand = random.nextInt(500);
    i.put("quantityOnHand", onHand);
    i.put("quantityReserved", random.nextInt(onHand + 1));
    i.put("reorderPoint", 20);
    i.put("updatedAt", now());
    return i;
  }

  ObjectNode revenue(String currency, double gross, long count, double captured) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant start = end.minus(1, ChronoUnit.HOURS);
    ObjectNode r = JSON.createObjectNode();
    r.put("windowKey", start + "/" + currency);
    r.put("windowStart", start.toString());
    r.put("windowEnd", end.toString());
    r.put("currency", currency);
    r.put("grossOrderValue", Math.round(gross * 100) / 100.0);
    r.put("orderCount", count);
    r.put("capturedAmount", Math.round(captured * 100) / 100.0);
    return r;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
