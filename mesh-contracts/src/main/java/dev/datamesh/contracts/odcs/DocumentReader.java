package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses contract text (YAML or JSON, told apart by the first character) into a tree, enforcing a
 * size limit. Thread-safe. Never throws on bad input: problems are violations.
 */
final class DocumentReader {

  /** A tree or the violation that prevented it. */
  record Parsed(Optional<JsonNode> tree, Optional<ContractViolation> violation) {}

  private final int maxBytes;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  DocumentReader(int maxBytes) {
    this.maxBytes = maxBytes;
    this.json =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.max(maxBytes, 1));
    options.setMaxAliasesForCollections(50); // guards against "billion laughs"
    options.setAllowDuplicateKeys(false);
    this.yaml =
        YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  Parsed read(byte[] utf8) {
    if (utf8.length > maxBytes) {
      return failed(
          ContractErrorCode.CONTRACT_TOO_LARGE,
          "the contract has " + utf8.length + " bytes, the limit is " + maxBytes);
    }
    boolean isJson = firstNonBlank(utf8) == '{';
    JsonNode tree;
    try {
      tree = (isJson ? json : yaml).readTree(utf8);
    } catch (JacksonException e) {
      return failed(
          ContractErrorCode.CONTRACT_MALFORMED,
          "not well-formed "
              + (isJson ? "JSON" : "YAML")
              + where(e.getLocation())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (code points, aliases) as its own runtime exceptions.
      return failed(
          ContractErrorCode.CONTRACT_MALFORMED,
          "not well-formed " + (isJson ? "JSON" : "YAML") + ": " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return failed(ContractErrorCode.CONTRACT_MALFORMED, "the contract is empty");
    }
    if (!tree.isObject()) {
      return failed(
          ContractErrorCode.CONTRACT_MALFORMED,
          "the contract must be a YAML mapping / JSON object, not " + tree.getNodeType());
    }
    return new Parsed(Optional.of(tree), Optional.empty());
  }

  private static int firstNonBlank(byte[] utf8) {
    int start = utf8.length >= 3 && utf8[0] == (byte) 0xEF ? 3 : 0; // skip a UTF-8 BOM
    for (int i = start; i < utf8.length; i++) {
      if (!Character.isWhitespace(utf8[i])) {
        return utf8[i];
      }
    }
    return -1;
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static Parsed failed(ContractErrorCode code, String message) {
    return new Parsed(Optional.empty(), Optional.of(new ContractViolation(code, "", message)));
  }
}
