package dev.datamesh.contracts.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.contracts.DataContract;
import java.util.Locale;
import java.util.Set;

/**
 * Finds where something is (or would go) in a contract document, so policy violations point at the
 * right place. Read-only over a private copy of the document.
 */
public record ContractPointers(JsonNode document) {

  private static final Set<String> FRESHNESS = Set.of("frequency", "freshness");

  /** Pointers into {@code contract}'s document. */
  public static ContractPointers of(DataContract contract) {
    return new ContractPointers(contract.document());
  }

  /** True if {@code pointer} resolves to a node. */
  public boolean present(String pointer) {
    return !document.at(pointer).isMissingNode();
  }

  /**
   * The value of the root custom property {@code name}, else the {@code customProperties} list,
   * else the document.
   */
  public String customProperty(String name) {
    JsonNode list = document.path("customProperties");
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(list.get(i).path("property").asText())) {
        return "/customProperties/" + i + "/value";
      }
    }
    return list.isArray() ? "/customProperties" : "";
  }

  /**
   * The SLA property {@code name} ({@code frequency} and {@code freshness} are one), else the
   * {@code slaProperties} list, else the document.
   */
  public String slaProperty(String name) {
    JsonNode list = document.path("slaProperties");
    String wanted = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < list.size(); i++) {
      String property = list.get(i).path("property").asText().toLowerCase(Locale.ROOT);
      if (property.equals(wanted) || (FRESHNESS.contains(wanted) && FRESHNESS.contains(property))) {
        return "/slaProperties/" + i;
      }
    }
    return list.isArray() ? "/slaProperties" : "";
  }
}
