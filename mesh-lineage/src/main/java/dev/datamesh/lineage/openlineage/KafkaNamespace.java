package dev.datamesh.lineage.openlineage;

import java.util.Objects;

/**
 * The OpenLineage namespace of the mesh's Kafka datasets: {@code kafka://{host}:{port}} of the
 * first bootstrap server (the OpenLineage naming convention for Kafka). Immutable.
 */
public record KafkaNamespace(String host, int port) {

  /** Kafka's default port, used when a bootstrap server names none. */
  public static final int DEFAULT_PORT = 9092;

  public KafkaNamespace {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("not a Kafka server: " + host + ":" + port);
    }
  }

  /**
   * The namespace of the first of {@code bootstrapServers} ({@code host:port[,host:port...]}, an
   * optional {@code PROTOCOL://} prefix is ignored).
   *
   * @throws IllegalArgumentException if the list is empty or its first entry is not host[:port]
   */
  public static KafkaNamespace fromBootstrapServers(String bootstrapServers) {
    String first = bootstrapServers == null ? "" : bootstrapServers.split(",")[0].trim();
    int scheme = first.indexOf("://");
    if (scheme >= 0) {
      first = first.substring(scheme + 3);
    }
    if (first.isEmpty()) {
      throw new IllegalArgumentException("no bootstrap server in '" + bootstrapServers + "'");
    }
    int colon = first.lastIndexOf(':');
    boolean bracketed = first.startsWith("[");
    if (colon < 0 || (bracketed && colon < first.indexOf(']'))) {
      return new KafkaNamespace(unbracket(first), DEFAULT_PORT);
    }
    try {
      return new KafkaNamespace(
          unbracket(first.substring(0, colon)), Integer.parseInt(first.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in bootstrap server '" + first + "'", e);
    }
  }

  /** {@code kafka://host:port}. */
  public String uri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "kafka://" + h + ":" + port;
  }

  @Override
  public String toString() {
    return uri();
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
