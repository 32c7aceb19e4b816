package dev.datamesh.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A combined-mode KRaft node started with {@link KafkaRaftServer}, as {@code kafka.Kafka} does. */
final class KraftBroker implements EmbeddedKafka {
  private static final Logger LOG = LoggerFactory.getLogger(KraftBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final String NODE_ID = "1";

  private final EmbeddedKafkaConfig config;
  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;
  private FileChannel lockChannel;
  private FileLock lock;
  private boolean closed;

  KraftBroker(EmbeddedKafkaConfig config) {
    this.config = config;
    this.dataDir = config.dataDir() != null ? config.dataDir() : newTempDir();
    this.port = config.port() != 0 ? config.port() : freePort(config.host());
    this.controllerPort = freePort(config.host());
  }

  @Override
  public String bootstrapServers() {
    return config.host() + ":" + port;
  }

  @Override
  public Optional<EmbeddedSecurity> security() {
    return Optional.ofNullable(config.security());
  }

  @Override
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  synchronized void startup() {
    if (closed) {
      throw new EmbeddedKafkaException("broker was closed; start a new one");
    }
    if (server != null) {
      return;
    }
    requirePortFree(config.host(), port);
    lockDataDir();
    Properties props = brokerProperties();
    format(props);
    long started = System.nanoTime();
    KafkaRaftServer raftServer =
        new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      raftServer.startup();
      awaitServing();
    } catch (RuntimeException e) {
      shutdownQuietly(raftServer);
      releaseLock();
      throw new EmbeddedKafkaException("Kafka broker failed to start on " + bootstrapServers(), e);
    }
    server = raftServer;
    LOG.info(
        "Kafka broker serving at {} (data {}) after {} ms",
        bootstrapServers(),
        dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    shutdownQuietly(server);
    server = null;
    releaseLock();
    LOG.info("Kafka broker at {} stopped", bootstrapServers());
  }

  @Override
  public synchronized void restart() {
    stop();
    startup();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    if (config.deleteOnClose()) {
      deleteRecursively(dataDir);
    }
  }

  private Properties brokerProperties() {
    String host = config.host();
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", NODE_ID);
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    listeners(props, host);
    props.put("log.dirs", dataDir.resolve("log").toString());
    // A single node: every internal topic has one replica, or groups and transactions fail.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "6");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "6");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Saves ~3 s on every consumer-group join; nothing waits for more members here.
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    for (Map.Entry<String, String> e : config.brokerProperties().entrySet()) {
      props.put(e.getKey(), e.getValue());
    }
    return props;
  }

  private void listeners(Properties props, String host) {
    EmbeddedSecurity security = config.security();
    String client = security == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
    props.put(
        "listeners",
        client + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    props.put("advertised.listeners", client + "://" + host + ":" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", client);
    if (security == null) {
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      return;
    }
    props.put(
        "listener.security.protocol.map",
        "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    String mechanism = EmbeddedSecurity.MECHANISM;
    props.put("sasl.enabled.mechanisms", mechanism);
    props.put("sasl.mechanism.inter.broker.protocol", mechanism);
    props.put("sasl.mechanism.controller.protocol", mechanism);
    Map<String, String> table = new java.util.LinkedHashMap<>();
    table.put(security.admin(), security.adminPassword());
    table.putAll(security.users());
    String jaas = EmbeddedSecurity.jaas(security.admin(), security.adminPassword(), table);
    props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas);
    props.put("listener.name.controller.plain.sasl.jaas.config", jaas);
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("allow.everyone.if.no.acl.found", "false");
    StringBuilder supers = new StringBuilder("User:").append(security.admin());
    security.superUsers().forEach(u -> supers.append(";User:").append(u));
    props.put("super.users", supers.toString());
  }

  private void format(Properties props) {
    Path configFile = dataDir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
      props.store(out, "written by mesh-kafka-embedded; regenerated on every start");
    } catch (IOException e) {
      throw new EmbeddedKafkaException("cannot write " + configFile, e);
    }
    if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
      return; // formatted before: keep its cluster id, or the broker refuses its own log
    }
    String clusterId = Uuid.randomUuid().toString();
    // StorageTool prints the whole config; keep it off the console. It never calls System.exit
    // here.
    int rc =
        StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
            new PrintStream(OutputStream.nullOutputStream()));
    if (rc != 0) {
      throw new EmbeddedKafkaException(
          "formatting the Kafka data directory " + dataDir + " failed (exit code " + rc + ")");
    }
  }

  private void awaitServing() {
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    if (config.security() != null) {
      adminProps.putAll(config.security().clientProperties(config.security().admin()));
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    RuntimeException last = null;
    try (Admin admin = Admin.create(adminProps)) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          last = new RuntimeException(e);
        }
        sleep(100);
      }
    }
    throw new EmbeddedKafkaException(
        "broker did not become ready within " + READY_TIMEOUT.toSeconds() + " s", last);
  }

  private void lockDataDir() {
    try {
      Files.createDirectories(dataDir);
      lockChannel =
          FileChannel.open(
              dataDir.resolve(".mesh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      releaseLock();
      throw new EmbeddedKafkaException(
          "the Kafka data directory "
              + dataDir
              + " is in use by another broker; stop it or choose another directory (--data-dir)");
    }
  }

  private void releaseLock() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      LOG.debug("releasing the data directory lock failed", e);
    } finally {
      lock = null;
      lockChannel = null;
    }
  }

  private static void shutdownQuietly(KafkaRaftServer raftServer) {
    try {
      raftServer.shutdown();
      raftServer.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker shutdown raised an error", e);
    }
  }

  private static void requirePortFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "port "
              + port
              + " on "
              + host
              + " is in use; stop what uses it or choose another port (--port)",
          e);
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static Path newTempDir() {
    try {
      return Files.createTempDirectory("mesh-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("could not delete {}", dir, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("interrupted while waiting for the broker", e);
    }
  }
}
