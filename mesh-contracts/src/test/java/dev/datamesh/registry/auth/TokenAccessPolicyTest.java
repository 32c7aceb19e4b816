package dev.datamesh.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.RegistryErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAccessPolicyTest {
  private final AccessPolicy policy =
      AccessPolicy.of(
          new AuthConfig(true, "council", Map.of("orders", "o-token", "payments", "p-token")));

  private Optional<RegistryErrorCode> check(String header, String subject) {
    return policy.check(header, subject).map(RegistryError::code);
  }

  @Test
  void missingMalformedAndUnknownTokensAreUnauthorized() {
    assertThat(check(null, "x-value")).contains(RegistryErrorCode.UNAUTHORIZED);
    assertThat(check("Bearer", "x-value")).contains(RegistryErrorCode.UNAUTHORIZED);
    assertThat(check("Bearer nope", "x-value")).contains(RegistryErrorCode.UNAUTHORIZED);
    assertThat(check("Token o-token", "x-value")).contains(RegistryErrorCode.UNAUTHORIZED);
    assertThat(check("Basic %%%", "x-value")).contains(RegistryErrorCode.UNAUTHORIZED);
    assertThat(policy.check("Bearer nope", "x").orElseThrow().message()).doesNotContain("nope");
  }

  @Test
  void domainsWriteTheirOwnProductSubjectsAndSubjectsOfNoDomain() {
    assertThat(check("Bearer o-token", "orders.order-placed.raw-value")).isEmpty();
    assertThat(check("bearer o-token", "orders.order-placed.certified-key")).isEmpty();
    assertThat(check("Bearer o-token", "orders.anything")).isEmpty();
    assertThat(check("Bearer o-token", "payments.captured.raw-value"))
        .contains(RegistryErrorCode.FORBIDDEN);
    assertThat(check("Bearer o-token", "payments.legacy")).contains(RegistryErrorCode.FORBIDDEN);
    assertThat(check("Bearer o-token", "shipping.parcel.raw-value"))
        .as("product of a domain without a token: only its own token (none) or the council")
        .contains(RegistryErrorCode.FORBIDDEN);
    assertThat(check("Bearer o-token", "free-subject-value")).isEmpty();
    assertThat(check("Bearer p-token", "com.acme.Customer")).isEmpty();
  }

  @Test
  void onlyTheCouncilWritesGlobalSettingsAndItWritesEverything() {
    assertThat(check("Bearer o-token", null)).contains(RegistryErrorCode.FORBIDDEN);
    assertThat(check("Bearer council", null)).isEmpty();
    assertThat(check("Bearer council", "payments.captured.raw-value")).isEmpty();
  }

  @Test
  void basicCredentialsCarryTheTokenAsPassword() {
    String basic =
        Base64.getEncoder().encodeToString("anyone:p-token".getBytes(StandardCharsets.UTF_8));
    assertThat(check("Basic " + basic, "payments.captured.raw-value")).isEmpty();
    String noPassword =
        Base64.getEncoder().encodeToString("p-token:".getBytes(StandardCharsets.UTF_8));
    assertThat(check("Basic " + noPassword, "x")).contains(RegistryErrorCode.UNAUTHORIZED);
  }

  @Test
  void enabledAuthWithoutAnyTokenIsBrokenConfig() {
    assertThatThrownBy(() -> new AuthConfig(true, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthConfig(true, null, Map.of("orders", " ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new AuthConfig(false, null, null).domains()).isEmpty();
  }
}
