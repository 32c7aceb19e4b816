package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.DataContract;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProductSchemaResolverTest {
  private final DataContract contract = OrdersFixture.contract();
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final int schemaId =
      registry.add(contract.topics().rawValueSubject(), contract.valueSchema());
  private final ProductSchemaResolver resolver =
      new ProductSchemaResolver(registry, contract.topics().rawValueSubject(), Clock.systemUTC());

  @Test
  void aStreamOfDistinctUnknownIdsDoesNotGrowTheCacheWithoutBound() {
    for (int id = 1_000_000; id < 1_000_000 + 3 * ProductSchemaResolver.MAX_NEGATIVE; id++) {
      assertThat(resolver.resolve(id)).isInstanceOf(ProductSchemaResolver.Resolution.Unknown.class);
    }
    assertThat(resolver.cachedAnswers())
        .isLessThanOrEqualTo(ProductSchemaResolver.MAX_NEGATIVE + 1);
  }

  @Test
  void theProductsOwnSchemaStaysKnownWhileNegativeAnswersAreDropped() {
    assertThat(resolver.resolve(schemaId))
        .isInstanceOf(ProductSchemaResolver.Resolution.OfProduct.class);
    for (int id = 2_000_000; id < 2_000_000 + 2 * ProductSchemaResolver.MAX_NEGATIVE; id++) {
      resolver.resolve(id);
    }
    assertThat(resolver.resolve(schemaId))
        .isInstanceOf(ProductSchemaResolver.Resolution.OfProduct.class);
  }
}
