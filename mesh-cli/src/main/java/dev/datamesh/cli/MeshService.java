package dev.datamesh.cli;

/** The mesh's services: each is a Micronaut environment of the same name, with its own port. */
enum MeshService {
  REGISTRY("registry", 8081, "contract registry (Confluent Schema Registry API + /contracts)", "/"),
  GATEWAY("gateway", 8082, "gateway (certify or dead-letter, JSON ingest)", "/health"),
  QUALITY("quality", 8083, "quality streams (checks, alerts, product health)", "/health"),
  LINEAGE("lineage", 8080, "lineage and catalog (web page, catalog API)", "/");

  private final String environment;
  private final int defaultPort;
  private final String description;
  private final String homePath;

  MeshService(String environment, int defaultPort, String description, String homePath) {
    this.environment = environment;
    this.defaultPort = defaultPort;
    this.description = description;
    this.homePath = homePath;
  }

  String environment() {
    return environment;
  }

  int defaultPort() {
    return defaultPort;
  }

  String description() {
    return description;
  }

  /** The path a person opens first; {@code /health} for services without pages yet. */
  String homePath() {
    return homePath;
  }
}
