package dev.datamesh.contracts.serde;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outcome of {@link FieldCipher#decrypt}: the plaintext, or why the value could not be
 * decrypted.
 *
 * @param plaintext the decrypted text; empty on failure
 * @param failure why decryption failed; empty on success
 */
public record DecryptResult(Optional<String> plaintext, Optional<String> failure) {

  static DecryptResult ok(String plaintext) {
    return new DecryptResult(Optional.of(plaintext), Optional.empty());
  }

  static DecryptResult failed(String reason) {
    return new DecryptResult(Optional.empty(), Optional.of(reason));
  }

  /** Whether decryption succeeded. */
  public boolean ok() {
    return plaintext.isPresent();
  }

  /**
   * The plaintext.
   *
   * @throws NoSuchElementException with the reason when decryption failed
   */
  public String orElseThrow() {
    return plaintext.orElseThrow(() -> new NoSuchElementException(failure.orElse("")));
  }
}
