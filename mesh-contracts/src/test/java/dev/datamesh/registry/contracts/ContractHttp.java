package dev.datamesh.registry.contracts;

import dev.datamesh.registry.RegistryHttp;
import dev.datamesh.registry.RegistryHttp.Reply;

/** The contracts API over {@link RegistryHttp}: JSON answers, YAML or JSON bodies. */
final class ContractHttp {
  static final String YAML = "application/yaml";
  static final String JSON = "application/json";

  private final RegistryHttp http;

  ContractHttp(RegistryHttp http) {
    this.http = http;
  }

  ContractHttp withAuthorization(String authorization) {
    return new ContractHttp(http.withAuthorization(authorization));
  }

  Reply get(String path) {
    return http.send("GET", path, null, null, JSON);
  }

  Reply post(String path, String body, String contentType) {
    return http.send("POST", path, body, contentType, JSON);
  }

  Reply postYaml(String body) {
    return post("/contracts", body, YAML);
  }

  Reply put(String path, String body, String contentType) {
    return http.send("PUT", path, body, contentType, JSON);
  }

  /** The Confluent API (its own media type). */
  RegistryHttp confluent() {
    return http;
  }
}
