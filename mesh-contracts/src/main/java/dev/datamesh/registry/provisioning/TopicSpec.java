package dev.datamesh.registry.provisioning;

import java.util.Map;
import java.util.Objects;

/**
 * One topic as a contract asks for it.
 *
 * @param name the topic name
 * @param partitions its partition count
 * @param configs topic-level configuration ({@code retention.ms}, {@code cleanup.policy}, ...)
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    configs = Map.copyOf(configs);
  }
}
