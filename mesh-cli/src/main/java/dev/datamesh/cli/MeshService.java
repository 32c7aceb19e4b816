package dev.datamesh.cli;

/** The mesh's services: each is a Micronaut environment of the same name, with its own port. */
enum MeshService {
  REGISTRY(
      "registry",
      8081,
      "contract registry (Confluent Schema Registry API + /contracts)",
      "/contracts",
      null),
  GATEWAY(
      "gateway",
      8082,
      "gateway (certify or dead-letter, JSON ingest)",
      "/health",
      "mesh.gateway.registry.url"),
  QUALITY(
      "quality",
      8083,
      "quality streams (checks, alerts, product health)",
      "/quality/products",
      "mesh.quality.registry-url"),
  LINEAGE(
      "lineage",
      8080,
      "lineage and catalog (web page, catalog API)",
      "/",
      "mesh.lineage.registry.url");

  private final String environment;
  private final int defaultPort;
  private final String description;
  private final String homePath;
  private final String registryUrlProperty;

  MeshService(
      String environment,
      int defaultPort,
      String description,
      String homePath,
      String registryUrlProperty) {
    this.environment = environment;
    this.defaultPort = defaultPort;
    this.description = description;
    this.homePath = homePath;
    this.registryUrlProperty = registryUrlProperty;
  }

  /** The property that tells this service where the registry is; null for the registry. */
  String registryUrlProperty() {
    return registryUrlProperty;
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
