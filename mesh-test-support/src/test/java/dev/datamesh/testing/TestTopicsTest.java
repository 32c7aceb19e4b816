package dev.datamesh.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestTopicsTest {

  @Test
  void uniqueNamesNeverRepeat() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(TestTopics.unique("orders"));
    }
    assertThat(names).hasSize(1000);
  }

  @Test
  void uniqueProductIsAValidProductId() {
    assertThat(TestTopics.uniqueProduct("Orders", "order_placed"))
        .matches("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void unknownClusterKindIsRejectedWithTheSettingName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SharedTestKafka.create(null, "bogus"))
        .hasMessageContaining("MESH_TEST_KAFKA");
  }
}
