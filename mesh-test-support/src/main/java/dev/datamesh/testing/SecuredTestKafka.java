package dev.datamesh.testing;

import java.util.Map;

/**
 * A test broker with SASL/PLAIN authentication and Kafka's {@code StandardAuthorizer}: nothing is
 * allowed without an ACL except to the super users {@value #ADMIN} and {@value #REGISTRY} (the
 * registry creates topics and ACLs). Its own broker, started once per JVM on first use and never
 * the {@link TestKafka#shared()} one, so the ACLs of these tests cannot disturb any other test.
 *
 * <p>Users (password {@code <user>-secret}, principal {@code User:<user>}): {@value #ADMIN},
 * {@value #REGISTRY}, {@value #GATEWAY}, {@value #QUALITY}, {@value #LINEAGE} and the domains
 * {@link #DOMAINS}. {@link #clientProperties()} connect as {@value #ADMIN}; {@link #as(String)}
 * gives a view that connects as another user, so {@link KafkaTestClients} work for every principal.
 *
 * <p>Thread-safe.
 */
public interface SecuredTestKafka extends TestKafka {
  String ADMIN = "admin";
  String REGISTRY = "mesh-registry";
  String GATEWAY = "mesh-gateway";
  String QUALITY = "mesh-quality";
  String LINEAGE = "mesh-lineage";

  /** Domain users; product ids of tests use these as their domain segment. */
  java.util.List<String> DOMAINS = java.util.List.of("orders", "payments", "analytics", "shipping");

  /** The secured broker of this JVM, started on first use. */
  static SecuredTestKafka get() {
    return SecuredBroker.get();
  }

  /** A view of this broker whose {@link #clientProperties()} authenticate as {@code user}. */
  TestKafka as(String user);

  /** {@code User:<user>}, the principal ACLs name. */
  static String principal(String user) {
    return "User:" + user;
  }

  /**
   * The {@code kafka.*} properties a mesh service (Micronaut) needs to connect as {@code user}:
   * bootstrap servers and SASL settings.
   */
  default Map<String, Object> serviceProperties(String user) {
    Map<String, Object> out = new java.util.HashMap<>();
    as(user).clientProperties().forEach((k, v) -> out.put("kafka." + k, v));
    return out;
  }
}
