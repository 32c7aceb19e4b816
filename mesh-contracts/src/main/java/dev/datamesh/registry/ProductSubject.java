package dev.datamesh.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Confluent subject that belongs to a data product: {@code
 * <domain>.<product>.<raw|certified|dlq>-<value|key>} (TopicNameStrategy on a product topic).
 *
 * @param domain the owning domain, e.g. {@code orders}
 * @param product the product name within the domain, e.g. {@code order-placed}
 * @param topicKind which of the product's topics the subject describes
 * @param part {@code value} or {@code key}
 */
public record ProductSubject(String domain, String product, TopicKind topicKind, String part) {

  private static final String SEGMENT = "[a-z0-9]+(?:-[a-z0-9]+)*";
  private static final Pattern SUBJECT =
      Pattern.compile("^(" + SEGMENT + ")\\.(" + SEGMENT + ")\\.(raw|certified|dlq)-(value|key)$");

  /** The three topics of a data product. */
  public enum TopicKind {
    RAW,
    CERTIFIED,
    DLQ
  }

  /** Parses {@code subject}; empty when it names no data product topic. */
  public static Optional<ProductSubject> parse(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher m = SUBJECT.matcher(subject);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProductSubject(
            m.group(1),
            m.group(2),
            TopicKind.valueOf(m.group(3).toUpperCase(Locale.ROOT)),
            m.group(4)));
  }

  /** The data product id {@code <domain>.<product>}. */
  public String productId() {
    return domain + "." + product;
  }

  /** The Kafka topic the subject describes, e.g. {@code orders.order-placed.raw}. */
  public String topic() {
    return productId() + "." + topicKind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * True for the value subjects of the raw and certified topics, whose schema is the product's
   * contract schema and therefore passes {@link SubjectGovernance}.
   */
  public boolean isContractSubject() {
    return "value".equals(part) && topicKind != TopicKind.DLQ;
  }
}
