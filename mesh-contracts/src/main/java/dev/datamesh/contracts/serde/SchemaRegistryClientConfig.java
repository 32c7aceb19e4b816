package dev.datamesh.contracts.serde;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach the schema registry. Immutable; validated when built. {@link #toString()} never
 * shows credentials.
 *
 * @param urls registry base URLs; tried in order when one cannot be reached
 * @param bearerToken sent as {@code Authorization: Bearer <token>}
 * @param basicUserInfo {@code user:password}, sent as HTTP Basic auth
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time for a whole request, response included
 * @param cacheCapacity upper bound of entries in each of the client's caches
 * @param latestCacheTtl how long {@link SchemaRegistryClient#latest} answers are kept; zero: not
 *     kept; negative: kept until evicted by size
 */
public record SchemaRegistryClientConfig(
    List<URI> urls,
    Optional<String> bearerToken,
    Optional<String> basicUserInfo,
    Duration connectTimeout,
    Duration requestTimeout,
    int cacheCapacity,
    Duration latestCacheTtl) {

  /** Comma-separated registry base URLs. Required. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Static bearer token (same key as Confluent's {@code STATIC_TOKEN} source). */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

  /** {@code user:password} for Basic auth (same key as Confluent's {@code USER_INFO} source). */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Connect timeout in ms; default 10000. */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

  /** Request timeout in ms; default 30000. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /** Maximum entries per cache; default 1000. */
  public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

  /** Seconds a latest-version answer is kept; default 300; 0 = never kept; -1 = kept forever. */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(SCHEMA_REGISTRY_URL, Type.LIST, Importance.HIGH, "Registry base URLs.")
          .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "Bearer token.")
          .define(
              BASIC_AUTH_USER_INFO,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "user:password for HTTP Basic auth.")
          .define(
              CONNECT_TIMEOUT_MS,
              Type.INT,
              10_000,
              ConfigDef.Range.atLeast(1),
              Importance.LOW,
              "Connect timeout (ms).")
          .define(
              REQUEST_TIMEOUT_MS,
              Type.INT,
              30_000,
              ConfigDef.Range.atLeast(1),
              Importance.LOW,
              "Request timeout (ms).")
          .define(
              CACHE_CAPACITY,
              Type.INT,
              1000,
              ConfigDef.Range.atLeast(1),
              Importance.LOW,
              "Maximum entries per cache.")
          .define(
              LATEST_CACHE_TTL_SEC,
              Type.LONG,
              300L,
              ConfigDef.Range.atLeast(-1),
              Importance.LOW,
              "Seconds a latest-version answer is kept (0: never, -1: forever).");

  public SchemaRegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one registry URL is required");
    }
    for (URI url : urls) {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url.toString(), "must be an http(s) URL");
      }
    }
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(basicUserInfo, "basicUserInfo");
    if (bearerToken.isPresent() && basicUserInfo.isPresent()) {
      throw new ConfigException(
          "set either " + BEARER_AUTH_TOKEN + " or " + BASIC_AUTH_USER_INFO + ", not both");
    }
    if (basicUserInfo.isPresent() && basicUserInfo.get().indexOf(':') < 0) {
      throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)", "must be user:password");
    }
    requirePositive(connectTimeout, CONNECT_TIMEOUT_MS);
    requirePositive(requestTimeout, REQUEST_TIMEOUT_MS);
    if (cacheCapacity < 1) {
      throw new ConfigException(CACHE_CAPACITY, cacheCapacity, "must be at least 1");
    }
    Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
  }

  /** One URL, no auth, the documented defaults. */
  public static SchemaRegistryClientConfig of(String url) {
    return from(Map.of(SCHEMA_REGISTRY_URL, url));
  }

  /**
   * Reads the keys above from a Kafka-style config map (other keys are ignored).
   *
   * @throws ConfigException when a value is missing or invalid
   */
  public static SchemaRegistryClientConfig from(Map<String, ?> configs) {
    AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs, false);
    return new SchemaRegistryClientConfig(
        config.getList(SCHEMA_REGISTRY_URL).stream().map(SchemaRegistryClientConfig::uri).toList(),
        secret(config.getPassword(BEARER_AUTH_TOKEN)),
        secret(config.getPassword(BASIC_AUTH_USER_INFO)),
        Duration.ofMillis(config.getInt(CONNECT_TIMEOUT_MS)),
        Duration.ofMillis(config.getInt(REQUEST_TIMEOUT_MS)),
        config.getInt(CACHE_CAPACITY),
        Duration.ofSeconds(config.getLong(LATEST_CACHE_TTL_SEC)));
  }

  /** The same settings with a bearer token instead of any other credentials. */
  public SchemaRegistryClientConfig withBearerToken(String token) {
    return new SchemaRegistryClientConfig(
        urls,
        Optional.of(token),
        Optional.empty(),
        connectTimeout,
        requestTimeout,
        cacheCapacity,
        latestCacheTtl);
  }

  @Override
  public String toString() {
    return "SchemaRegistryClientConfig[urls="
        + urls
        + ", auth="
        + (bearerToken.isPresent() ? "bearer" : basicUserInfo.isPresent() ? "basic" : "none")
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", cacheCapacity="
        + cacheCapacity
        + ", latestCacheTtl="
        + latestCacheTtl
        + "]";
  }

  private static URI uri(String url) {
    String trimmed = url.trim();
    try {
      return URI.create(
          trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
    }
  }

  private static Optional<String> secret(Password password) {
    return password == null || password.value().isBlank()
        ? Optional.empty()
        : Optional.of(password.value());
  }

  private static void requirePositive(Duration duration, String key) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new ConfigException(key, duration, "must be positive");
    }
  }
}
