package dev.datamesh.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.ContractErrorCode;
import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.JsonPointers;
import dev.datamesh.contracts.ServiceLevels;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SLA properties the mesh enforces: {@code latency}, {@code frequency} (alias {@code
 * freshness}), {@code retention} and {@code throughput}; others are left in the document.
 */
final class ServiceLevelReader {

  private static final Pattern PER_WINDOW = Pattern.compile("(?:records|rows|events)\\s*/\\s*(.+)");

  private final List<ContractViolation> sink;

  ServiceLevelReader(List<ContractViolation> sink) {
    this.sink = sink;
  }

  ServiceLevels read(JsonNode slaProperties) {
    Map<String, Duration> durations = new HashMap<>();
    Optional<ServiceLevels.Throughput> throughput = Optional.empty();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < slaProperties.size(); i++) {
      JsonNode sla = slaProperties.get(i);
      String pointer = JsonPointers.child("/slaProperties", i);
      String kind = kind(Nodes.text(sla, "property"));
      if (kind.isEmpty()) {
        continue;
      }
      if (seen.putIfAbsent(kind, pointer) != null) {
        add(pointer, "the " + kind + " SLA is declared twice (first at " + seen.get(kind) + ")");
        continue;
      }
      if (kind.equals("throughput")) {
        throughput = throughput(sla, pointer);
      } else {
        duration(sla, pointer).ifPresent(d -> durations.put(kind, d));
      }
    }
    return new ServiceLevels(
        Optional.ofNullable(durations.get("latency")),
        Optional.ofNullable(durations.get("freshness")),
        Optional.ofNullable(durations.get("retention")),
        throughput);
  }

  private static String kind(String property) {
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "latency" -> "latency";
      case "frequency", "freshness" -> "freshness";
      case "retention" -> "retention";
      case "throughput" -> "throughput";
      default -> "";
    };
  }

  private Optional<Duration> duration(JsonNode sla, String pointer) {
    JsonNode value = sla.path("value");
    String unit = Nodes.text(sla, "unit");
    Optional<Duration> duration;
    if (value.isNumber()) {
      duration = Durations.of(value.decimalValue(), unit);
    } else if (value.isTextual() && !unit.isEmpty()) {
      duration = Durations.parse(value.textValue().trim() + unit);
    } else if (value.isTextual()) {
      duration = Durations.parse(value.textValue());
    } else {
      duration = Optional.empty();
    }
    if (duration.isEmpty()) {
      add(
          pointer,
          "an SLA duration needs a positive value and a unit (ms, s, m, h, d, w, mo, y), or an"
              + " ISO-8601 duration such as PT15M");
    }
    return duration;
  }

  private Optional<ServiceLevels.Throughput> throughput(JsonNode sla, String pointer) {
    JsonNode value = sla.path("value");
    JsonNode max = sla.path("valueExt");
    Matcher unit = PER_WINDOW.matcher(Nodes.text(sla, "unit").trim());
    Optional<Duration> window =
        unit.matches() ? Durations.unitOrAmount(unit.group(1)) : Optional.empty();
    if (!value.isIntegralNumber() || value.longValue() < 0 || window.isEmpty()) {
      add(
          pointer,
          "throughput needs value: <minimum records per window> and unit: records/<window>"
              + " (e.g. records/5m)");
      return Optional.empty();
    }
    OptionalLong maxRecords = OptionalLong.empty();
    if (!max.isMissingNode()) {
      if (!max.isIntegralNumber() || max.longValue() < value.longValue()) {
        add(pointer + "/valueExt", "valueExt (the maximum) must be an integer >= value");
        return Optional.empty();
      }
      maxRecords = OptionalLong.of(max.longValue());
    }
    return Optional.of(new ServiceLevels.Throughput(value.longValue(), maxRecords, window.get()));
  }

  private void add(String pointer, String message) {
    sink.add(new ContractViolation(ContractErrorCode.SLA_INVALID, pointer, message));
  }
}
