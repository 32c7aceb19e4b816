package dev.datamesh.contracts.serde;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the Avro serializer and deserializer do, read from the Kafka client config map under the
 * same keys as Confluent's serdes. The registry connection is {@link SchemaRegistryClientConfig}.
 * Immutable; validated when built.
 *
 * @param autoRegisterSchemas the serializer registers the record's schema under the subject;
 *     default false, because producers of certified data must only write schemas the registry
 *     already holds (registration is the contract owner's act, with governance checks)
 * @param useLatestVersion the serializer writes with the subject's latest version (the record's
 *     schema must be that schema, up to docs and defaults); the deserializer reads into it
 * @param specificAvroReader the deserializer returns generated {@code SpecificRecord} classes
 *     instead of {@code GenericRecord}
 * @param trustedPackages packages whose classes Avro may instantiate for specific records (Avro
 *     1.12.2 refuses untrusted ones); added to Avro's process-wide trust list
 */
public record AvroSerdeConfig(
    boolean autoRegisterSchemas,
    boolean useLatestVersion,
    boolean specificAvroReader,
    List<String> trustedPackages) {

  /** Default false. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Default false. */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  /** Default false. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Comma-separated packages, default empty. */
  public static final String SPECIFIC_AVRO_TRUSTED_PACKAGES = "specific.avro.trusted.packages";

  /** Only TopicNameStrategy is implemented; any other value is rejected at configuration. */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /** Only TopicNameStrategy is implemented; any other value is rejected at configuration. */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  private static final String TOPIC_NAME_STRATEGY = "TopicNameStrategy";

  static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, false, Importance.MEDIUM, "Register schemas.")
          .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM, "Use latest version.")
          .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM, "Specific records.")
          .define(
              SPECIFIC_AVRO_TRUSTED_PACKAGES,
              Type.LIST,
              "",
              Importance.LOW,
              "Packages trusted for specific records.")
          .define(
              KEY_SUBJECT_NAME_STRATEGY,
              Type.STRING,
              TOPIC_NAME_STRATEGY,
              AvroSerdeConfig::requireTopicNameStrategy,
              Importance.LOW,
              "Subject name strategy for keys (TopicNameStrategy only).")
          .define(
              VALUE_SUBJECT_NAME_STRATEGY,
              Type.STRING,
              TOPIC_NAME_STRATEGY,
              AvroSerdeConfig::requireTopicNameStrategy,
              Importance.LOW,
              "Subject name strategy for values (TopicNameStrategy only).");

  public AvroSerdeConfig {
    trustedPackages = List.copyOf(trustedPackages);
    if (autoRegisterSchemas && useLatestVersion) {
      throw new ConfigException(
          "set at most one of " + AUTO_REGISTER_SCHEMAS + " and " + USE_LATEST_VERSION);
    }
  }

  /** The defaults: no registration, the record's own schema, generic records. */
  public static AvroSerdeConfig defaults() {
    return from(Map.of());
  }

  /**
   * Reads the keys above from a Kafka-style config map (other keys are ignored).
   *
   * @throws ConfigException when a value is invalid
   */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs, false);
    return new AvroSerdeConfig(
        config.getBoolean(AUTO_REGISTER_SCHEMAS),
        config.getBoolean(USE_LATEST_VERSION),
        config.getBoolean(SPECIFIC_AVRO_READER),
        config.getList(SPECIFIC_AVRO_TRUSTED_PACKAGES).stream()
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .toList());
  }

  /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  private static void requireTopicNameStrategy(String name, Object value) {
    if (value != null && !value.toString().endsWith(TOPIC_NAME_STRATEGY)) {
      throw new ConfigException(
          name, value, "only TopicNameStrategy (<topic>-key / <topic>-value) is supported");
    }
  }
}
