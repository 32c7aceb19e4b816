package dev.datamesh.quality.streams;

import dev.datamesh.contracts.ProductId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The product id in a product topic's name ({@code <id>.certified}, {@code <id>.dlq}). */
final class ProductTopicNames {
  static final String CERTIFIED = ".certified";
  static final String DEAD_LETTER = ".dlq";

  // topic → product, per suffix: parsing and validating the id per record showed in the quality
  // thread's profile; the topics are the products', so the maps stay small
  private static final Map<String, Optional<String>> CERTIFIED_TOPICS = new ConcurrentHashMap<>();
  private static final Map<String, Optional<String>> DEAD_LETTER_TOPICS = new ConcurrentHashMap<>();

  private ProductTopicNames() {}

  /** The product of {@code topic} if it is {@code <product id><suffix>}; memoized. */
  static Optional<String> productOf(String topic, String suffix) {
    if (topic == null) {
      return Optional.empty();
    }
    Map<String, Optional<String>> known =
        CERTIFIED.equals(suffix)
            ? CERTIFIED_TOPICS
            : DEAD_LETTER.equals(suffix) ? DEAD_LETTER_TOPICS : null;
    return known == null
        ? parse(topic, suffix)
        : known.computeIfAbsent(topic, t -> parse(t, suffix));
  }

  private static Optional<String> parse(String topic, String suffix) {
    if (!topic.endsWith(suffix)) {
      return Optional.empty();
    }
    return ProductId.parse(topic.substring(0, topic.length() - suffix.length()))
        .map(ProductId::toString);
  }
}
