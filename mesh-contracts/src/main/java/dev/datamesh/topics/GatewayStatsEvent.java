package dev.datamesh.topics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record of {@link MeshTopics#GATEWAY_STATS}: what one gateway instance committed for one
 * product during one interval. Key = product id; value = this record as JSON ({@link MeshJson}).
 * Written inside the gateway's transactions, so counts are exactly once: summing every event of a
 * product gives exactly what its certified and dead-letter topics hold.
 *
 * @param productId {@code <domain>.<product>}
 * @param instanceId the gateway instance that counted
 * @param windowStart start of the interval (inclusive)
 * @param windowEnd end of the interval (exclusive)
 * @param certified records certified
 * @param certifiedBytes value bytes certified
 * @param deadLettered records dead-lettered, all codes
 * @param deadLetteredByCode records dead-lettered per {@code mesh.error.code}
 * @param newestEventTime the newest raw record timestamp certified, or null when none
 */
public record GatewayStatsEvent(
    String productId,
    String instanceId,
    Instant windowStart,
    Instant windowEnd,
    long certified,
    long certifiedBytes,
    long deadLettered,
    Map<String, Long> deadLetteredByCode,
    Instant newestEventTime) {

  public GatewayStatsEvent {
    Objects.requireNonNull(productId, "productId");
    deadLetteredByCode = deadLetteredByCode == null ? Map.of() : Map.copyOf(deadLetteredByCode);
  }
}
