package dev.datamesh.topics;

import java.time.Instant;
import java.util.Map;

/**
 * What one dead-letter redrive did (topic {@link MeshTopics#GATEWAY_REDRIVE}, key = product id,
 * JSON via {@link MeshJson}).
 *
 * @param productId the product whose dead letters were redriven
 * @param contractVersion the contract version they were checked against
 * @param startedAt when the redrive started
 * @param finishedAt when it finished
 * @param examined dead letters examined
 * @param certified of those, certified now
 * @param stillFailing of those, still failing, by {@code mesh.error.code}
 */
public record RedriveReport(
    String productId,
    String contractVersion,
    Instant startedAt,
    Instant finishedAt,
    long examined,
    long certified,
    Map<String, Long> stillFailing) {

  public RedriveReport {
    stillFailing = stillFailing == null ? Map.of() : Map.copyOf(stillFailing);
  }
}
