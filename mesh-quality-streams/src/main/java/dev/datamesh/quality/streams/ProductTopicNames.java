package dev.datamesh.quality.streams;

import dev.datamesh.contracts.ProductId;
import java.util.Optional;

/** The product id in a product topic's name ({@code <id>.certified}, {@code <id>.dlq}). */
final class ProductTopicNames {
  static final String CERTIFIED = ".certified";
  static final String DEAD_LETTER = ".dlq";

  private ProductTopicNames() {}

  static Optional<String> productOf(String topic, String suffix) {
    if (topic == null || !topic.endsWith(suffix)) {
      return Optional.empty();
    }
    return ProductId.parse(topic.substring(0, topic.length() - suffix.length()))
        .map(ProductId::toString);
  }
}
