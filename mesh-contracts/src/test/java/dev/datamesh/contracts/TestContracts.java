package dev.datamesh.contracts;

import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.policy.GovernancePolicies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test access to the example contracts and test resources. */
public final class TestContracts {

  /** The four example contracts of the demo domains. */
  public static final List<String> EXAMPLES =
      List.of(
          "orders.order-placed",
          "payments.transaction",
          "catalog.inventory-level",
          "analytics.revenue-by-hour");

  private TestContracts() {}

  /** The text of a classpath resource. */
  public static String resource(String path) {
    try (InputStream in = TestContracts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the example contract of {@code productId}. */
  public static String exampleText(String productId) {
    return resource("/examples/" + productId + ".odcs.yaml");
  }

  /** The example contract of {@code productId}, loaded with the default policies. */
  public static DataContract example(String productId) {
    ContractLoadResult result =
        ContractLoader.create(GovernancePolicies.defaults()).load(exampleText(productId));
    return result
        .contract()
        .orElseThrow(() -> new AssertionError(productId + ": " + result.violations()));
  }
}
