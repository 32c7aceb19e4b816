package dev.datamesh.gateway;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decides the fate of one raw record of one data product.
 *
 * <p>Contract: never throws for bad input — every problem with the record is a {@link
 * Verdict.DeadLetter}. {@link CertificationUnavailableException} means a dependency (the registry)
 * is unavailable: the gateway aborts the transaction and retries the batch later, so nothing is
 * lost. Any other exception is a bug: that record is dead-lettered as {@link
 * GatewayErrorCode#INTERNAL_ERROR} so it never blocks its partition. Called from one gateway thread
 * at a time per instance, but instances must be safe to share (stateless or thread-safe).
 */
@FunctionalInterface
public interface RecordCertifier {
  Verdict certify(ConsumerRecord<byte[], byte[]> record);
}
