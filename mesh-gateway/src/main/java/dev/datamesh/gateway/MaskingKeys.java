package dev.datamesh.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's masking keys (from configuration, never from a contract): an HMAC-SHA256 key for
 * {@code hash} and an optional AES key for {@code encrypt} (AES-GCM, 96-bit random IV, 128-bit tag,
 * the field's JSON Pointer as associated data). Thread-safe: the HMAC is per thread, the cipher per
 * call.
 *
 * <p>Encrypted values read {@code enc:v1:<base64(iv || ciphertext || tag)>}.
 */
final class MaskingKeys {
  static final String REDACTED = "[REDACTED]";
  static final String ENCRYPTED_PREFIX = "enc:v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec hashKey;
  private final SecretKeySpec encryptionKey;
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
    this.encryptionKey = encryptionKey == null ? null : new SecretKeySpec(encryptionKey, "AES");
  }

  boolean canEncrypt() {
    return encryptionKey != null;
  }

  String hash(String value) {
    return HEX.formatHex(hmac.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
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
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(pointer.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
      return ENCRYPTED_PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }
}
