package dev.datamesh.registry.provisioning;

import dev.datamesh.contracts.ProductTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of the self-serve platform, as Kafka {@link AclBinding}s (all ALLOW, any host):
 *
 * <ul>
 *   <li>{@link #product}: the owning domain may {@code WRITE} its raw topic (and nothing else of
 *       it); the gateway may {@code READ} raw and {@code WRITE} certified and dead-letter (and
 *       {@code READ} dead-letter, for redrive, and {@code WRITE} raw, for the JSON ingest API); the
 *       platform readers may {@code READ} certified and dead-letter.
 *   <li>{@link #subscription}: a consumer may {@code READ} the certified topic, and use consumer
 *       groups named {@code <consumer domain>.*}.
 *   <li>{@link #platform}: the gateway's groups, transactional ids and stats topic, and {@code
 *       DESCRIBE_CONFIGS} on the cluster (its health check).
 * </ul>
 *
 * {@code WRITE} and {@code READ} imply {@code DESCRIBE} in Kafka, so none is granted separately.
 *
 * @param bindings the ACLs, in a stable order
 */
public record AclPlan(List<AclBinding> bindings) {

  public AclPlan {
    bindings = List.copyOf(bindings);
  }

  /** The ACLs a registered product gets. */
  public static AclPlan product(ProductTopics topics, String ownerPrincipal, AclConfig config) {
    List<AclBinding> out = new ArrayList<>();
    out.add(topic(topics.raw(), ownerPrincipal, AclOperation.WRITE));
    out.add(topic(topics.raw(), config.gatewayPrincipal(), AclOperation.READ));
    // The JSON ingest API writes raw for the domain whose token it checked.
    out.add(topic(topics.raw(), config.gatewayPrincipal(), AclOperation.WRITE));
    out.add(topic(topics.certified(), config.gatewayPrincipal(), AclOperation.WRITE));
    out.add(topic(topics.deadLetter(), config.gatewayPrincipal(), AclOperation.WRITE));
    out.add(topic(topics.deadLetter(), config.gatewayPrincipal(), AclOperation.READ));
    for (String reader : config.readerPrincipals()) {
      out.add(topic(topics.certified(), reader, AclOperation.READ));
      out.add(topic(topics.deadLetter(), reader, AclOperation.READ));
    }
    return new AclPlan(out);
  }

  /** What an approved subscription grants {@code principal} of {@code consumerDomain}. */
  public static AclPlan subscription(
      ProductTopics topics, String consumerDomain, String principal) {
    return new AclPlan(
        List.of(
            topic(topics.certified(), principal, AclOperation.READ),
            groups(consumerDomain, principal)));
  }

  /**
   * What a revocation removes: only the topic grant, since the consumer's group grant may serve its
   * other subscriptions.
   */
  public static AclPlan revocation(ProductTopics topics, String principal) {
    return new AclPlan(List.of(topic(topics.certified(), principal, AclOperation.READ)));
  }

  /** The gateway's platform-wide ACLs. */
  public static AclPlan platform(AclConfig config) {
    String gateway = config.gatewayPrincipal();
    ResourcePattern groups =
        new ResourcePattern(ResourceType.GROUP, config.gatewayPrefix(), PatternType.PREFIXED);
    ResourcePattern transactions =
        new ResourcePattern(
            ResourceType.TRANSACTIONAL_ID, config.gatewayPrefix(), PatternType.PREFIXED);
    return new AclPlan(
        List.of(
            new AclBinding(groups, allow(gateway, AclOperation.READ)),
            new AclBinding(transactions, allow(gateway, AclOperation.WRITE)),
            new AclBinding(transactions, allow(gateway, AclOperation.DESCRIBE)),
            topic(config.gatewayStatsTopic(), gateway, AclOperation.WRITE),
            topic(config.gatewayStatsTopic(), gateway, AclOperation.CREATE),
            // micronaut-kafka's health check reads the broker configuration.
            new AclBinding(
                new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                allow(gateway, AclOperation.DESCRIBE_CONFIGS))));
  }

  private static AclBinding groups(String consumerDomain, String principal) {
    return new AclBinding(
        new ResourcePattern(ResourceType.GROUP, consumerDomain + ".", PatternType.PREFIXED),
        allow(principal, AclOperation.READ));
  }

  private static AclBinding topic(String topic, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        allow(principal, operation));
  }

  private static AccessControlEntry allow(String principal, AclOperation operation) {
    return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
  }
}
