package dev.datamesh.contracts.serde;

import java.util.Base64;

/**
 * The format of fields the gateway masks with {@code encrypt}, for consumers that hold the key:
 * {@code enc:v1:<base64(iv || ciphertext || tag)>}, AES-GCM with a 96-bit random IV and a 128-bit
 * tag, the field's JSON Pointer in the record ({@code /customer/email}) as associated data, so a
 * value moved to another field does not decrypt.
 *
 * <pre>{@code
 * FieldCipher cipher = FieldCipher.fromBase64(System.getenv("MESH_DECRYPT_KEY"));
 * String email = cipher.decrypt(record.get("email").toString(), "/email").orElseThrow();
 * }</pre>
 *
 * <p>The key is the gateway's {@code mesh.gateway.masking.encryption-key} (16 or 32 bytes); whoever
 * holds it can read every encrypted field of every product, so hand it out like a password. Never
 * put it in a contract. Thread-safe: the JCA objects are made per call.
 */
public interface FieldCipher {

  /** The prefix of every encrypted value (format version 1). */
  String PREFIX = "enc:v1:";

  /**
   * A cipher with a raw AES key.
   *
   * @throws IllegalArgumentException if the key is not 16 or 32 bytes
   */
  static FieldCipher aesGcm(byte[] key) {
    return new AesGcmFieldCipher(key);
  }

  /**
   * A cipher with a base64 AES key, as configured for the gateway.
   *
   * @throws IllegalArgumentException if the text is not base64 of a 16- or 32-byte key
   */
  static FieldCipher fromBase64(String key) {
    if (key == null) {
      throw new IllegalArgumentException("no key");
    }
    try {
      return aesGcm(Base64.getDecoder().decode(key.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key must be base64 of 16 or 32 bytes", e);
    }
  }

  /** Whether {@code value} looks like an encrypted field (has {@link #PREFIX}). */
  static boolean isEncrypted(CharSequence value) {
    return value != null && value.toString().startsWith(PREFIX);
  }

  /** Encrypts {@code plaintext} for the field at {@code pointer} (a fresh IV every call). */
  String encrypt(String plaintext, String pointer);

  /**
   * Decrypts a value of the field at {@code pointer}: the plaintext, or why not (not an encrypted
   * value, wrong key, wrong field, tampered).
   */
  DecryptResult decrypt(String value, String pointer);
}
