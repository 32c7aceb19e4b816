package dev.datamesh.bench;

/**
 * The benchmark's data product: a 15-field record (8 strings, a timestamp, a long, a double, an
 * int, a float, a boolean, an optional string), with or without the 5 per-record rules, with or
 * without a hashed PII field. {@code note} pads records to the wanted size.
 */
record BenchContract(String productName, boolean rules, boolean pii) {

  String productId() {
    return "bench." + productName;
  }

  String yaml() {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        apiVersion: v3.1.0
        kind: DataContract
        id: bench-%s
        name: Benchmark orders
        version: 1.0.0
        status: active
        domain: bench
        dataProduct: %s
        description:
          purpose: Benchmark product of the mesh.
        team:
          name: bench-team
          members:
            - username: bench@mesh.example
              role: owner
        support:
          - channel: '#bench'
            tool: slack
            url: https://chat.mesh.example/bench
        schema:
          - name: BenchOrder
            physicalName: bench.%s
            physicalType: topic
            logicalType: object
            description: A benchmark order.
            properties:
        """
            .formatted(productName, productName, productName));
    field(
        y,
        "orderId",
        "string",
        "string",
        "Order id.",
        rules ? "pattern: '^ORD-[0-9]{8}$'" : null,
        false);
    field(y, "customerId", "string", "string", "Customer.", null, false);
    field(y, "customerEmail", "string", "string", "E-mail.", null, pii);
    field(y, "street", "string", "string", "Street.", null, false);
    field(y, "city", "string", "string", "City.", null, false);
    field(y, "country", "string", "string", "Country.", null, false);
    field(y, "currency", "string", "string", "Currency.", null, false);
    if (rules) {
      y.append("        quality:\n")
          .append("          - metric: invalidValues\n")
          .append("            arguments:\n")
          .append("              validValues: [EUR, USD, GBP, CHF]\n")
          .append("            mustBe: 0\n")
          .append("            severity: error\n");
    }
    field(
        y,
        "note",
        "string",
        "string",
        "Free text (pads the record).",
        rules ? "maxLength: 2000" : null,
        false);
    field(y, "placedAt", "timestamp", "timestamp", "When.", null, false);
    field(y, "sequence", "integer", "long", "Sequence.", null, false);
    field(
        y,
        "amount",
        "number",
        "double",
        "Amount.",
        rules ? "minimum: 0\n          maximum: 1000000" : null,
        false);
    field(
        y,
        "quantity",
        "integer",
        "int",
        "Quantity.",
        rules ? "minimum: 1\n          maximum: 1000" : null,
        false);
    field(y, "score", "number", "float", "Score.", null, false);
    field(y, "express", "boolean", "boolean", "Express shipping.", null, false);
    y.append(
        """
              - name: coupon
                logicalType: string
                physicalType: string
                required: false
                description: Coupon.
        slaProperties:
          - property: retention
            value: 7
            unit: d
          - property: frequency
            value: 1
            unit: h
        customProperties:
          - property: keyField
            value: orderId
          - property: partitions
            value: 6
        """);
    return y.toString();
  }

  private static void field(
      StringBuilder y,
      String name,
      String logical,
      String physical,
      String doc,
      String options,
      boolean pii) {
    y.append("      - name: ").append(name).append('\n');
    y.append("        logicalType: ").append(logical).append('\n');
    y.append("        physicalType: ").append(physical).append('\n');
    y.append("        required: true\n");
    y.append("        description: ").append(doc).append('\n');
    if (options != null) {
      y.append("        logicalTypeOptions:\n          ").append(options).append('\n');
    }
    if (pii) {
      y.append("        classification: pii\n");
      y.append(
          "        customProperties:\n          - property: masking\n            value: hash\n");
    }
  }
}
