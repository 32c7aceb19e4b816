package dev.datamesh.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private final FieldCipher cipher = FieldCipher.fromBase64(KEY);

  @Test
  void encryptedValuesDecryptWithTheSameKeyAndPointer() {
    String sealed = cipher.encrypt("ann@example.com", "/customer/email");
    assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain("ann@example.com");
    assertThat(FieldCipher.isEncrypted(sealed)).isTrue();
    assertThat(cipher.encrypt("ann@example.com", "/customer/email"))
        .as("a fresh IV each time")
        .isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed, "/customer/email").orElseThrow())
        .isEqualTo("ann@example.com");
  }

  @Test
  void wrongKeyWrongFieldAndTamperedValuesAreFailuresNotExceptions() {
    String sealed = cipher.encrypt("ann@example.com", "/email");
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(FieldCipher.aesGcm(other).decrypt(sealed, "/email").failure()).isPresent();
    assertThat(cipher.decrypt(sealed, "/name").ok()).isFalse();
    String tampered = sealed.substring(0, sealed.length() - 4) + "AAA=";
    assertThat(cipher.decrypt(tampered, "/email").ok()).isFalse();
    assertThat(cipher.decrypt("ann@example.com", "/email").failure().orElseThrow())
        .contains("not an encrypted value");
    assertThat(cipher.decrypt(FieldCipher.PREFIX + "!!", "/email").ok()).isFalse();
    assertThat(cipher.decrypt(FieldCipher.PREFIX + "AAAA", "/email").ok()).isFalse();
  }

  @Test
  void keysMustBeAesSized() {
    assertThatThrownBy(() -> FieldCipher.aesGcm(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldCipher.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
