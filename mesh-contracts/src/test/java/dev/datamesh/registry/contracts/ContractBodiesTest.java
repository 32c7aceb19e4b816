package dev.datamesh.registry.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.registry.RegistryErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractBodiesTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static RegistryErrorCode refusal(ContractOutcome<byte[]> outcome) {
    assertThat(outcome).isInstanceOf(ContractOutcome.Refused.class);
    return ((ContractOutcome.Refused<byte[]>) outcome).error().code();
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertThat(refusal(ContractBodies.accept(null, "application/yaml", 1024)))
        .isEqualTo(RegistryErrorCode.MALFORMED_CONTRACT);
    assertThat(refusal(ContractBodies.accept(new byte[0], "application/json", 1024)))
        .isEqualTo(RegistryErrorCode.MALFORMED_CONTRACT);
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    assertThat(refusal(ContractBodies.accept(new byte[2048], "application/yaml", 2047)))
        .isEqualTo(RegistryErrorCode.CONTRACT_TOO_LARGE);
    assertThat(ContractBodies.accept(new byte[2047], "application/yaml", 2047))
        .isInstanceOf(ContractOutcome.Ok.class);
  }

  @Test
  void aJsonMediaTypeNeedsAJsonObjectWhileYamlTypesTakeBoth() {
    assertThat(
            refusal(ContractBodies.accept(bytes("kind: DataContract"), "application/json", 1024)))
        .isEqualTo(RegistryErrorCode.MALFORMED_CONTRACT);
    assertThat(
            refusal(ContractBodies.accept(bytes("[1]"), "application/json; charset=utf-8", 1024)))
        .isEqualTo(RegistryErrorCode.MALFORMED_CONTRACT);
    assertThat(
            ContractBodies.accept(
                bytes("\ufeff \n {\"kind\":\"DataContract\"}"), "application/json", 1024))
        .isInstanceOf(ContractOutcome.Ok.class);
    assertThat(ContractBodies.accept(bytes("{\"a\":1}"), "application/yaml", 1024))
        .isInstanceOf(ContractOutcome.Ok.class);
    assertThat(ContractBodies.accept(bytes("a: 1"), "text/yaml", 1024))
        .isInstanceOf(ContractOutcome.Ok.class);
    assertThat(ContractBodies.isJson("application/vnd.mesh+json")).isTrue();
    assertThat(ContractBodies.isJson("application/x-yaml")).isFalse();
    assertThat(ContractBodies.isJson(null)).isFalse();
  }

  @Test
  void loaderViolationsMapToStableCodes() {
    ContractViolation malformed =
        new ContractViolation(ContractErrorCode.CONTRACT_MALFORMED, "", "line 3: bad indentation");
    ContractViolation tooLarge =
        new ContractViolation(ContractErrorCode.CONTRACT_TOO_LARGE, "", "too large");
    ContractViolation owner =
        new ContractViolation(ContractErrorCode.POLICY_OWNER_REQUIRED, "/team", "no owner");
    ContractViolation naming =
        new ContractViolation(ContractErrorCode.POLICY_PRODUCT_ID_NAMING, "/domain", "reserved");

    ContractError bad = ContractBodies.refusal("The contract", List.of(malformed));
    assertThat(bad.code()).isEqualTo(RegistryErrorCode.MALFORMED_CONTRACT);
    assertThat(bad.code().httpStatus()).isEqualTo(400);
    assertThat(bad.message()).contains("line 3");
    assertThat(ContractBodies.refusal("The contract", List.of(tooLarge)).code())
        .isEqualTo(RegistryErrorCode.CONTRACT_TOO_LARGE);

    ContractError invalid = ContractBodies.refusal("The contract", List.of(owner, naming));
    assertThat(invalid.code()).isEqualTo(RegistryErrorCode.INVALID_CONTRACT);
    assertThat(invalid.code().errorCode()).isEqualTo(42260);
    assertThat(invalid.message()).contains("2 violations");
    assertThat(invalid.violations())
        .extracting(ViolationView::code, ViolationView::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POLICY_OWNER_REQUIRED", "/team"),
            org.assertj.core.groups.Tuple.tuple("POLICY_PRODUCT_ID_NAMING", "/domain"));

    ContractViolation policyFile =
        new ContractViolation(ContractErrorCode.POLICY_FILE_INVALID, "/rules/x", "unknown rule");
    assertThat(ContractBodies.refusal("The policy file", List.of(policyFile)).code())
        .isEqualTo(RegistryErrorCode.INVALID_POLICIES);
  }
}
