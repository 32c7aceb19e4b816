package dev.datamesh.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's masking keys ({@code mesh.gateway.masking.*}), from configuration or the
 * environment — never from a contract.
 *
 * @param hashKey base64 HMAC-SHA256 key (≥ 16 bytes) for {@code hash}. If unset a random key is
 *     generated at start-up and hashes are not stable across restarts (a warning says so).
 * @param encryptionKey base64 AES key (16 or 32 bytes) for {@code encrypt}. If unset, records of
 *     products that demand encryption are dead-lettered as MASKING_FAILED (nothing leaks, nothing
 *     is lost: redrive them once a key is configured).
 */
@ConfigurationProperties("mesh.gateway.masking")
public record MaskingConfig(@Nullable String hashKey, @Nullable String encryptionKey) {
  private static final Logger LOG = LoggerFactory.getLogger(MaskingConfig.class);

  MaskingKeys keys() {
    byte[] hash;
    if (hashKey == null || hashKey.isBlank()) {
      LOG.warn(
          "mesh.gateway.masking.hash-key is not set: using a random key, so hashed PII values"
              + " change on every restart");
      hash = new byte[32];
      new SecureRandom().nextBytes(hash);
    } else {
      hash = decode("mesh.gateway.masking.hash-key", hashKey);
    }
    byte[] aes =
        encryptionKey == null || encryptionKey.isBlank()
            ? null
            : decode("mesh.gateway.masking.encryption-key", encryptionKey);
    return new MaskingKeys(hash, aes);
  }

  private static byte[] decode(String name, String value) {
    try {
      return Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be base64", e);
    }
  }
}
