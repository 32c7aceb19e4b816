package dev.datamesh.gateway;

import dev.datamesh.contracts.serde.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's masking keys (from configuration, never from a contract): an HMAC-SHA256 key for
 * {@code hash} and an optional AES key for {@code encrypt} (AES-GCM, 96-bit random IV, 128-bit tag,
 * the field's JSON Pointer as associated data). Thread-safe: the HMAC is per thread, the cipher per
 * call.
 *
 * <p>Encrypted values read {@code enc:v1:<base64(iv || ciphertext || tag)>}; consumers decrypt them
 * with the public {@link FieldCipher} of mesh-contracts, which also encrypts here, so the format is
 * defined once.
 */
final class MaskingKeys {
  static final String REDACTED = "[REDACTED]";
  static final String ENCRYPTED_PREFIX = FieldCipher.PREFIX;

  private final SecretKeySpec hashKey;
  private final FieldCipher encryption;
  // Mac.getInstance + init per call cost more than the HMAC of a short value; a Mac is not
  // thread-safe, so one per thread (doFinal resets it for the next value).
  private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newMac);

  MaskingKeys(byte[] hashKey, byte[] encryptionKey) {
    if (hashKey == null || hashKey.length < 16) {
      throw new IllegalArgumentException("the masking hash key must have at least 16 bytes");
    }
    if (encryptionKey != null && !(encryptionKey.length == 16 || encryptionKey.length == 32)) {
      throw new IllegalArgumentException("the masking encryption key must be 16 or 32 bytes (AES)");
    }
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    this.encryption = encryptionKey == null ? null : FieldCipher.aesGcm(encryptionKey);
  }

  boolean canEncrypt() {
    return encryption != null;
  }

  String hash(String value) {
    return HexFormat.of().formatHex(hmac.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  String encrypt(String value, String pointer) {
    return encryption.encrypt(value, pointer);
  }
}
