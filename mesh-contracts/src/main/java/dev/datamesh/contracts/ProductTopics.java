package dev.datamesh.contracts;

/**
 * The Kafka names of one data product: {@code <id>.raw} (producers write), {@code <id>.certified}
 * (consumers read), {@code <id>.dlq} (dead letters), and their Confluent subjects under the
 * TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}).
 */
public record ProductTopics(String raw, String certified, String deadLetter) {

  /** Names for {@code id}. */
  public static ProductTopics of(ProductId id) {
    String base = id.toString();
    return new ProductTopics(base + ".raw", base + ".certified", base + ".dlq");
  }

  /** The value subject of a topic: {@code <topic>-value}. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /** The key subject of a topic: {@code <topic>-key}. */
  public static String keySubject(String topic) {
    return topic + "-key";
  }

  /** {@code <id>.raw-value}. */
  public String rawValueSubject() {
    return valueSubject(raw);
  }

  /** {@code <id>.certified-value}. */
  public String certifiedValueSubject() {
    return valueSubject(certified);
  }
}
