package dev.datamesh.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ODCS lacks for a Kafka data product, read from the contract's {@code customProperties}
 * (names in docs/CONTRACTS.md). Defaults are applied, so every value is usable as is.
 *
 * @param keyField the top-level property whose value is the record key
 * @param partitions partitions of the raw and certified topics (default 3)
 * @param compacted the certified topic is compacted by key (needs a key field)
 * @param rawRetention retention of the raw topic (default 7 days)
 * @param certifiedRetention retention of the certified topic: the {@code retention} SLA, else 7
 *     days
 * @param deadLetterRetention retention of the dead-letter topic (default 30 days)
 * @param eventTimeField the top-level timestamp property that carries event time (else the Kafka
 *     record timestamp is event time)
 * @param upstreamProducts the products a derived product reads (for lineage)
 * @param explicitAvroSchema true if the value schema was given in the contract ({@code avroSchema})
 *     rather than derived from the properties
 */
public record KafkaProfile(
    Optional<String> keyField,
    int partitions,
    boolean compacted,
    Duration rawRetention,
    Duration certifiedRetention,
    Duration deadLetterRetention,
    Optional<String> eventTimeField,
    List<ProductId> upstreamProducts,
    boolean explicitAvroSchema) {

  /** Partitions when the contract does not say. */
  public static final int DEFAULT_PARTITIONS = 3;

  /** Raw topic retention when the contract does not say. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(7);

  /** Certified topic retention when the contract has no retention SLA. */
  public static final Duration DEFAULT_CERTIFIED_RETENTION = Duration.ofDays(7);

  /** Dead-letter retention when the contract does not say: long enough to fix and redrive. */
  public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(30);

  public KafkaProfile {
    Objects.requireNonNull(keyField, "keyField");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions < 1");
    }
    Objects.requireNonNull(rawRetention, "rawRetention");
    Objects.requireNonNull(certifiedRetention, "certifiedRetention");
    Objects.requireNonNull(deadLetterRetention, "deadLetterRetention");
    Objects.requireNonNull(eventTimeField, "eventTimeField");
    upstreamProducts = List.copyOf(upstreamProducts);
  }
}
