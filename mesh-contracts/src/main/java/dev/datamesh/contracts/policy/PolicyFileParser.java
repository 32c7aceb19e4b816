package dev.datamesh.contracts.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.datamesh.contracts.CompatibilityMode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.MaskingStrategy;
import dev.datamesh.contracts.SemanticVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the policy file format (docs/CONTRACTS.md). Stateless; one {@link Params} per rule. */
final class PolicyFileParser {

  static final String KIND = "GovernancePolicies";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> TOP_LEVEL =
      Set.of("apiVersion", "kind", "version", "owner", "description", "rules");

  private static final String DEFAULT_ID_PATTERN =
      "[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*(-[a-z0-9]+)*";

  private PolicyFileParser() {}

  static PolicyLoadResult parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml == null ? "" : yaml);
    } catch (JacksonException e) {
      return rejected(
          List.of(
              new ContractViolation(
                  ContractErrorCode.POLICY_FILE_MALFORMED,
                  "",
                  "not well-formed YAML: " + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      return rejected(
          List.of(
              new ContractViolation(
                  ContractErrorCode.POLICY_FILE_MALFORMED,
                  "",
                  "the policy file must be a mapping")));
    }
    List<ContractViolation> sink = new ArrayList<>();
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!TOP_LEVEL.contains(name)) {
                sink.add(invalid("/" + name, "unknown key '" + name + "', expected " + TOP_LEVEL));
              }
            });
    if (!KIND.equals(root.path("kind").asText())) {
      sink.add(invalid("/kind", "kind must be " + KIND));
    }
    Optional<SemanticVersion> version = SemanticVersion.parse(root.path("version").asText());
    if (version.isEmpty()) {
      sink.add(invalid("/version", "version must be a semantic version (e.g. 1.0.0)"));
    }
    String owner = root.path("owner").asText("").trim();
    if (owner.isEmpty()) {
      sink.add(invalid("/owner", "owner (the council) must be named"));
    }
    List<PolicyRule> rules = rules(root.path("rules"), sink);
    if (!sink.isEmpty()) {
      return rejected(sink);
    }
    return new PolicyLoadResult(
        Optional.of(
            new GovernancePolicies(
                version.get(), owner, root.path("description").asText(""), rules)),
        List.of());
  }

  private static List<PolicyRule> rules(JsonNode rules, List<ContractViolation> sink) {
    List<PolicyRule> result = new ArrayList<>();
    if (!rules.isObject()) {
      sink.add(invalid("/rules", "rules must be a mapping of rule name to settings"));
      return result;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = rules.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Params params = new Params(entry.getValue(), "/rules/" + entry.getKey(), sink);
      Optional<PolicyRule> rule = rule(entry.getKey(), params);
      if (rule.isEmpty()) {
        sink.add(invalid("/rules/" + entry.getKey(), "unknown rule '" + entry.getKey() + "'"));
        continue;
      }
      params.rejectUnknown();
      result.add(rule.get());
    }
    return result;
  }

  private static Optional<PolicyRule> rule(String name, Params p) {
    return Optional.ofNullable(
        switch (name) {
          case PolicyRule.ProductIdNaming.NAME ->
              new PolicyRule.ProductIdNaming(
                  p.enabled(),
                  p.pattern("pattern", DEFAULT_ID_PATTERN),
                  p.positiveInt("maxLength", 100),
                  p.strings("reservedDomains", Set.of("mesh")));
          case PolicyRule.OwnerRequired.NAME ->
              new PolicyRule.OwnerRequired(p.enabled(), p.optionalText("requiredMemberRole"));
          case PolicyRule.SupportChannelRequired.NAME ->
              new PolicyRule.SupportChannelRequired(p.enabled(), p.positiveInt("minChannels", 1));
          case PolicyRule.PropertyDescriptionRequired.NAME ->
              new PolicyRule.PropertyDescriptionRequired(
                  p.enabled(), p.positiveInt("minLength", 1));
          case PolicyRule.PiiMaskingRequired.NAME ->
              new PolicyRule.PiiMaskingRequired(
                  p.enabled(),
                  p.strings("classifications", Set.of("pii", "restricted")),
                  p.maskingStrategies("allowedStrategies"));
          case PolicyRule.MinimumCompatibility.NAME ->
              new PolicyRule.MinimumCompatibility(p.enabled(), p.compatibilityModes("allowed"));
          case PolicyRule.CertifiedRetentionMinimum.NAME ->
              new PolicyRule.CertifiedRetentionMinimum(
                  p.enabled(), Duration.ofDays(p.positiveInt("minDays", 7)));
          case PolicyRule.FreshnessSlaRequired.NAME ->
              new PolicyRule.FreshnessSlaRequired(p.enabled(), p.optionalDuration("maximum"));
          default -> null;
        });
  }

  private static ContractViolation invalid(String pointer, String message) {
    return new ContractViolation(ContractErrorCode.POLICY_FILE_INVALID, pointer, message);
  }

  private static PolicyLoadResult rejected(List<ContractViolation> violations) {
    return new PolicyLoadResult(Optional.empty(), violations);
  }

  /** Typed reads of one rule's settings; remembers what was read to reject unknown keys. */
  private static final class Params {
    private final JsonNode node;
    private final String pointer;
    private final List<ContractViolation> sink;
    private final Set<String> read = new java.util.HashSet<>();

    Params(JsonNode node, String pointer, List<ContractViolation> sink) {
      this.node = node;
      this.pointer = pointer;
      this.sink = sink;
      if (!node.isObject() && !node.isNull()) {
        sink.add(invalid(pointer, "rule settings must be a mapping"));
      }
    }

    boolean enabled() {
      JsonNode value = get("enabled");
      if (value.isMissingNode()) {
        return true;
      }
      if (!value.isBoolean()) {
        fail("enabled", "must be true or false");
        return false;
      }
      return value.booleanValue();
    }

    int positiveInt(String name, int fallback) {
      JsonNode value = get(name);
      if (value.isMissingNode()) {
        return fallback;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
        fail(name, "must be a positive integer");
        return fallback;
      }
      return value.intValue();
    }

    Pattern pattern(String name, String fallback) {
      JsonNode value = get(name);
      String regex = value.isMissingNode() ? fallback : value.asText();
      try {
        return Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        fail(name, "is not a valid regular expression: " + e.getDescription());
        return Pattern.compile(fallback);
      }
    }

    Optional<String> optionalText(String name) {
      JsonNode value = get(name);
      if (value.isMissingNode() || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual() || value.textValue().isBlank()) {
        fail(name, "must be a non-empty string");
        return Optional.empty();
      }
      return Optional.of(value.textValue().trim());
    }

    Optional<Duration> optionalDuration(String name) {
      JsonNode value = get(name);
      if (value.isMissingNode() || value.isNull()) {
        return Optional.empty();
      }
      Optional<Duration> duration =
          value.isTextual() ? Durations.parse(value.textValue()) : Optional.empty();
      if (duration.isEmpty()) {
        fail(name, "must be a positive duration such as 1h or PT1H");
      }
      return duration;
    }

    Set<String> strings(String name, Set<String> fallback) {
      JsonNode value = get(name);
      if (value.isMissingNode()) {
        return fallback;
      }
      List<String> items = new ArrayList<>();
      if (!value.isArray()) {
        fail(name, "must be a list of strings");
        return fallback;
      }
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          fail(name, "must be a list of strings");
          return fallback;
        }
        items.add(item.textValue().toLowerCase(Locale.ROOT));
      }
      return Set.copyOf(items);
    }

    Set<MaskingStrategy> maskingStrategies(String name) {
      Set<String> texts = strings(name, Set.of("hash", "redact", "encrypt"));
      List<MaskingStrategy> strategies = new ArrayList<>();
      for (String text : texts) {
        MaskingStrategy.parse(text)
            .ifPresentOrElse(
                strategies::add, () -> fail(name, "'" + text + "' is not hash, redact or encrypt"));
      }
      return Set.copyOf(strategies);
    }

    Set<CompatibilityMode> compatibilityModes(String name) {
      Set<String> texts =
          strings(name, Set.of("backward", "backward_transitive", "full", "full_transitive"));
      List<CompatibilityMode> modes = new ArrayList<>();
      for (String text : texts) {
        CompatibilityMode.parse(text)
            .ifPresentOrElse(
                modes::add, () -> fail(name, "'" + text + "' is not a compatibility level"));
      }
      if (modes.isEmpty()) {
        fail(name, "must allow at least one compatibility level");
      }
      return Set.copyOf(modes);
    }

    void rejectUnknown() {
      if (!node.isObject()) {
        return;
      }
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (!read.contains(key)) {
                  fail(key, "is not a setting of this rule");
                }
              });
    }

    private JsonNode get(String name) {
      read.add(name);
      return node.path(name);
    }

    private void fail(String name, String message) {
      sink.add(invalid(pointer + "/" + name, name + " " + message));
    }
  }
}
