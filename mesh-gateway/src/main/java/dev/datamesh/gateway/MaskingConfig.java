package dev.datamesh.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's masking keys ({@code mesh.gateway.masking.*}), from configuration, the environment
 * or a file (e.g. a mounted secret) — never from a contract. A key and its file are exclusive.
 *
 * @param hashKey base64 HMAC-SHA256 key (≥ 16 bytes) for {@code hash}. If unset a random key is
 *     generated at start-up and hashes are not stable across restarts (a warning says so).
 * @param encryptionKey base64 AES key (16 or 32 bytes) for {@code encrypt}. If unset, records of
 *     products that demand encryption are dead-lettered as MASKING_FAILED (nothing leaks, nothing
 *     is lost: redrive them once a key is configured).
 * @param hashKeyFile a file holding the base64 hash key (surrounding whitespace ignored)
 * @param encryptionKeyFile a file holding the base64 AES key (surrounding whitespace ignored)
 */
@ConfigurationProperties("mesh.gateway.masking")
public record MaskingConfig(
    @Nullable String hashKey,
    @Nullable String encryptionKey,
    @Nullable Path hashKeyFile,
    @Nullable Path encryptionKeyFile) {
  private static final Logger LOG = LoggerFactory.getLogger(MaskingConfig.class);

  MaskingKeys keys() {
    String hashText = resolve("hash-key", hashKey, hashKeyFile);
    byte[] hash;
    if (hashText == null) {
      LOG.warn(
          "mesh.gateway.masking.hash-key is not set: using a random key, so hashed PII values"
              + " change on every restart");
      hash = new byte[32];
      new SecureRandom().nextBytes(hash);
    } else {
      hash = decode("mesh.gateway.masking.hash-key", hashText);
    }
    String aesText = resolve("encryption-key", encryptionKey, encryptionKeyFile);
    byte[] aes = aesText == null ? null : decode("mesh.gateway.masking.encryption-key", aesText);
    return new MaskingKeys(hash, aes);
  }

  /** The key's text from the property or its file; null when neither is set. */
  private static String resolve(String name, String value, Path file) {
    boolean hasValue = value != null && !value.isBlank();
    if (hasValue && file != null) {
      throw new IllegalArgumentException(
          "set either mesh.gateway.masking."
              + name
              + " or mesh.gateway.masking."
              + name
              + "-file, not both");
    }
    if (file == null) {
      return hasValue ? value : null;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (text.isEmpty()) {
        throw new IllegalArgumentException(
            "mesh.gateway.masking." + name + "-file " + file + " is empty");
      }
      return text;
    } catch (IOException e) {
      // The message names the file, never its content.
      throw new IllegalArgumentException(
          "cannot read mesh.gateway.masking." + name + "-file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] decode(String name, String value) {
    try {
      return Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be base64", e);
    }
  }
}
