package dev.datamesh.registry.contracts;

import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.registry.RegistryErrorCode;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies of the contracts API before they reach the loader: present, within the size limit,
 * and JSON when the media type says JSON (YAML media types accept YAML or JSON, since JSON is
 * YAML). Also classifies the loader's violations into an HTTP answer. Stateless.
 */
final class ContractBodies {
  private ContractBodies() {}

  /** The body if acceptable, else the 400/413 error. */
  static ContractOutcome<byte[]> accept(byte[] body, String contentType, int maxBytes) {
    if (body == null || body.length == 0) {
      return refuse(
          RegistryErrorCode.MALFORMED_CONTRACT,
          "Request body is empty; expected a document in YAML or JSON");
    }
    if (body.length > maxBytes) {
      return refuse(
          RegistryErrorCode.CONTRACT_TOO_LARGE,
          "Request body has " + body.length + " bytes, the limit is " + maxBytes);
    }
    if (isJson(contentType) && firstSignificant(body) != '{') {
      return refuse(
          RegistryErrorCode.MALFORMED_CONTRACT,
          "Content-Type is " + contentType + " but the body is not a JSON object");
    }
    return ContractOutcome.ok(body);
  }

  /** True for {@code application/json} and {@code application/*+json}. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
    return type.equals("application/json") || type.endsWith("+json");
  }

  /** The answer for a document the loader refused: 413, 400 (unreadable) or 422. */
  static ContractError refusal(String what, List<ContractViolation> violations) {
    List<ViolationView> views = violations.stream().map(ViolationView::of).toList();
    if (violations.stream().anyMatch(v -> v.code() == ContractErrorCode.CONTRACT_TOO_LARGE)) {
      return ContractError.of(RegistryErrorCode.CONTRACT_TOO_LARGE, what + " is too large", views);
    }
    if (violations.stream()
        .allMatch(
            v ->
                v.code() == ContractErrorCode.CONTRACT_MALFORMED
                    || v.code() == ContractErrorCode.POLICY_FILE_MALFORMED)) {
      return ContractError.of(
          RegistryErrorCode.MALFORMED_CONTRACT,
          what + " is not well-formed YAML or JSON: " + violations.get(0).message(),
          views);
    }
    return ContractError.of(
        violations.stream().anyMatch(v -> v.code() == ContractErrorCode.POLICY_FILE_INVALID)
            ? RegistryErrorCode.INVALID_POLICIES
            : RegistryErrorCode.INVALID_CONTRACT,
        what
            + " has "
            + violations.size()
            + (violations.size() == 1 ? " violation" : " violations"),
        views);
  }

  /** The first byte that is not whitespace or a UTF-8 byte order mark; 0 if none. */
  private static int firstSignificant(byte[] body) {
    int i = 0;
    if (body.length >= 3
        && (body[0] & 0xff) == 0xef
        && (body[1] & 0xff) == 0xbb
        && (body[2] & 0xff) == 0xbf) {
      i = 3;
    }
    for (; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return 0;
  }

  private static <T> ContractOutcome<T> refuse(RegistryErrorCode code, String message) {
    return ContractOutcome.refused(ContractError.of(code, message));
  }
}
