package dev.datamesh.contracts.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** {@link FieldCipher} with AES-GCM (JCA). */
final class AesGcmFieldCipher implements FieldCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  AesGcmFieldCipher(byte[] key) {
    if (key == null || !(key.length == 16 || key.length == 32)) {
      throw new IllegalArgumentException("an AES key must be 16 or 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  @Override
  public String encrypt(String plaintext, String pointer) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(pointer.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  @Override
  public DecryptResult decrypt(String value, String pointer) {
    if (!FieldCipher.isEncrypted(value)) {
      return DecryptResult.failed("not an encrypted value (no " + PREFIX + " prefix)");
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return DecryptResult.failed("the encrypted value is not base64");
    }
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      return DecryptResult.failed("the encrypted value is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(pointer.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
      return DecryptResult.ok(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return DecryptResult.failed(
          "authentication failed: wrong key, wrong field pointer or a tampered value");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }
}
