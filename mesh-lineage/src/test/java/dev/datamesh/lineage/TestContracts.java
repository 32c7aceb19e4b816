package dev.datamesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.client.RegisteredContract;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import java.time.Instant;
import java.util.List;

/** Small, valid ODCS contracts for lineage tests. */
public final class TestContracts {
  private TestContracts() {}

  /** A contract of {@code productId} at {@code version}, freshness SLA {@code freshness}. */
  public static String yaml(
      String productId, String version, String freshness, List<String> upstream) {
    String[] id = productId.split("\\.");
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v3.1.0\nkind: DataContract\n");
    y.append("id: ").append(productId.replace('.', '-')).append('\n');
    y.append("name: ").append(title(id[1])).append('\n');
    y.append("version: ").append(version).append('\n');
    y.append("status: active\n");
    y.append("domain: ").append(id[0]).append('\n');
    y.append("dataProduct: ").append(id[1]).append('\n');
    y.append("tags: [demo, ").append(id[0]).append("]\n");
    y.append("description:\n  purpose: Events of ").append(productId).append(" for tests.\n");
    y.append("team:\n  name: ").append(id[0]).append("-team\n  members:\n");
    y.append("    - username: owner@").append(id[0]).append(".example\n      role: owner\n");
    y.append("support:\n  - channel: '#").append(id[0]).append("-data'\n    tool: slack\n");
    y.append("    url: https://chat.example/").append(id[0]).append('\n');
    y.append("schema:\n  - name: Event\n    physicalType: topic\n    logicalType: object\n");
    y.append("    properties:\n");
    y.append("      - name: id\n        logicalType: string\n        required: true\n");
    y.append("        description: Unique id.\n");
    y.append("      - name: email\n        logicalType: string\n        required: false\n");
    y.append("        classification: pii\n        description: Contact address.\n");
    y.append("        customProperties:\n          - property: masking\n            value: hash\n");
    y.append(
        "      - name: amount\n        logicalType: number\n        physicalType: decimal(10,2)\n");
    y.append("        required: true\n        description: Amount.\n");
    if (version.startsWith("1.1") || version.startsWith("2.")) {
      y.append("      - name: note\n        logicalType: string\n        required: false\n");
      y.append("        description: Added in 1.1.\n");
    }
    y.append("      - name: at\n        logicalType: timestamp\n        required: true\n");
    y.append("        description: Event time.\n");
    y.append("slaProperties:\n  - property: frequency\n    value: ").append(freshness).append('\n');
    y.append("  - property: latency\n    value: 30s\n");
    y.append("customProperties:\n  - property: keyField\n    value: id\n");
    y.append("  - property: partitions\n    value: 1\n");
    if (!upstream.isEmpty()) {
      y.append("  - property: upstreamProducts\n    value: [")
          .append(String.join(", ", upstream))
          .append("]\n");
    }
    return y.toString();
  }

  /** The loaded contract, as the registry would answer it. */
  public static RegisteredContract registered(
      String productId, String version, String freshness, List<String> upstream) {
    ContractLoadResult result =
        ContractLoader.create().load(yaml(productId, version, freshness, upstream));
    assertThat(result.violations()).isEmpty();
    return new RegisteredContract(
        productId, version, 7, Instant.now(), result.contract().orElseThrow());
  }

  /** Version 1.0.0 with a 15 minute freshness SLA and no upstream. */
  public static RegisteredContract registered(String productId) {
    return registered(productId, "1.0.0", "15m", List.of());
  }

  private static String title(String kebab) {
    StringBuilder t = new StringBuilder();
    for (String w : kebab.split("-")) {
      t.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ');
    }
    return t.toString().strip();
  }
}
