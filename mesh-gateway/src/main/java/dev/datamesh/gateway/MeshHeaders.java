package dev.datamesh.gateway;

/** Names of the record headers the gateway adds (see DESIGN.md, "Names"). */
public final class MeshHeaders {
  public static final String CONTRACT_ID = "mesh.contract.id";
  public static final String CONTRACT_VERSION = "mesh.contract.version";
  public static final String CERTIFIED_AT = "mesh.certified.at";

  /** The raw record's coordinates, {@code topic/partition/offset}: see {@link SourceOffset}. */
  public static final String SOURCE_OFFSET = "mesh.source.offset";

  public static final String ERROR_CODE = "mesh.error.code";
  public static final String ERROR_REASON = "mesh.error.reason";
  public static final String ERROR_FIELD = "mesh.error.field";
  public static final String ERROR_AT = "mesh.error.at";

  /** Confluent-compatible: the name of the contract rule that failed. */
  public static final String RULE_NAME = "__rule.name";

  /** Confluent-compatible: the failure's description. */
  public static final String RULE_EXCEPTION = "__rule.exception";

  private MeshHeaders() {}
}
