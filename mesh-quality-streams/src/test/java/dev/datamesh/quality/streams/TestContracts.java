package dev.datamesh.quality.streams;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.odcs.ContractLoadResult;
import dev.datamesh.contracts.odcs.ContractLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads contracts from the classpath with the real loader. */
final class TestContracts {
  private TestContracts() {}

  /** {@code contracts/<name>.yaml} from the test resources. */
  static DataContract test(String name) {
    return load("/contracts/" + name + ".yaml");
  }

  /** One of mesh-contracts' bundled examples ({@code examples/<name>.odcs.yaml}). */
  static DataContract example(String name) {
    return load("/examples/" + name + ".odcs.yaml");
  }

  private static DataContract load(String resource) {
    try (InputStream in = TestContracts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      ContractLoadResult result =
          ContractLoader.create().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return result
          .contract()
          .orElseThrow(() -> new IllegalStateException(resource + ": " + result.violations()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
