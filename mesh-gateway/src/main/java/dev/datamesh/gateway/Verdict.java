package dev.datamesh.gateway;

import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * What the gateway does with one raw record: certify it (with the bytes to write, which are the raw
 * bytes when nothing was transformed) or dead-letter it with a reason.
 */
public sealed interface Verdict {

  /**
   * Certify: write {@code value} to the certified topic with the raw key, in the raw partition.
   *
   * @param value the certified value bytes (the raw bytes themselves when nothing was masked)
   * @param headers extra headers to add besides the gateway's standard ones
   */
  record Certify(byte[] value, List<Header> headers) implements Verdict {
    public Certify {
      headers = List.copyOf(headers);
    }
  }

  /**
   * Dead-letter: write the original record to the dead-letter topic with reason headers.
   *
   * @param code the stable error code
   * @param reason a human-readable explanation
   * @param field a JSON Pointer to the offending field, or empty
   * @param ruleName the contract rule that failed, or empty
   */
  record DeadLetter(GatewayErrorCode code, String reason, String field, String ruleName)
      implements Verdict {
    public static DeadLetter of(GatewayErrorCode code, String reason) {
      return new DeadLetter(code, reason, "", "");
    }
  }

  /** A record certified unchanged. */
  static Certify unchanged(byte[] value) {
    return new Certify(value, List.of());
  }
}
