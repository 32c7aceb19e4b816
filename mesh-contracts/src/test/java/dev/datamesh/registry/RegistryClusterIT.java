package dev.datamesh.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.registry.RegistryHttp.Reply;
import dev.datamesh.testing.KafkaTestClients;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestKafkaExtension;
import dev.datamesh.testing.TestTopics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several registry instances on one log: concurrent writers agree on ids and versions, a restart
 * keeps them, and a compacted copy of the log replays to the same state.
 */
@ExtendWith(TestKafkaExtension.class)
class RegistryClusterIT {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 4;

  /** One running registry. */
  private record Instance(ApplicationContext context, RegistryHttp http) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  /** What a client was told for one registration. */
  private record Registered(String subject, int version, int id, String schema) {}

  private static Instance start(TestKafka kafka, String topic) {
    Map<String, Object> props = new HashMap<>();
    props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    props.put("mesh.registry.store.topic", topic);
    props.put("micronaut.server.port", -1);
    ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments("registry")
            .properties(props)
            .start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    return new Instance(context, new RegistryHttp("http://localhost:" + server.getPort()));
  }

  private static String evolving(int thread, int i) {
    return "{\"type\":\"record\",\"name\":\"Event\",\"fields\":[{\"name\":\"f_"
        + thread
        + "_"
        + i
        + "\",\"type\":\"string\",\"default\":\"\"}]}";
  }

  private static Registered register(RegistryHttp http, String subject, String schema) {
    Reply r = http.post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(schema));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode j = r.json();
    return new Registered(
        subject, j.path("version").asInt(), j.path("id").asInt(), j.path("schema").asText());
  }

  @Test
  void concurrentWritersOnTwoInstancesAgreeAndARestartKeepsIds(TestKafka kafka) throws Exception {
    String topic = TestTopics.unique("mesh-contracts-cluster");
    String prefix = TestTopics.unique("cluster");
    String common =
        "{\"type\":\"record\",\"name\":\"Common\",\"fields\":[{\"name\":\"c\",\"type\":\"long\"}]}";
    List<Registered> told = new ArrayList<>();
    Map<String, Map<Integer, Integer>> seenByA;
    try (Instance a = start(kafka, topic);
        Instance b = start(kafka, topic)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<Registered>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          RegistryHttp http = t % 2 == 0 ? a.http() : b.http();
          String subject = prefix + "-s" + ((t / 2) % 2) + "-value";
          futures.add(
              pool.submit(
                  () -> {
                    List<Registered> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                      mine.add(register(http, subject, evolving(thread, i)));
                    }
                    mine.add(register(http, prefix + "-common-" + thread + "-value", common));
                    return mine;
                  }));
        }
        for (Future<List<Registered>> f : futures) {
          told.addAll(f.get(180, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }

      Set<Integer> commonIds = new TreeSet<>();
      Set<Integer> evolvingIds = new TreeSet<>();
      for (Registered r : told) {
        (r.subject().contains("-common-") ? commonIds : evolvingIds).add(r.id());
      }
      assertThat(commonIds).as("the same content gets one id everywhere").hasSize(1);
      assertThat(evolvingIds)
          .as("distinct content gets distinct ids")
          .hasSize(THREADS * PER_THREAD);
      Set<Integer> allIds = new TreeSet<>(evolvingIds);
      allIds.addAll(commonIds);
      assertThat(allIds)
          .as("ids are dense, assigned in log order")
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, THREADS * PER_THREAD + 1).boxed().toList());
      for (String s : List.of(prefix + "-s0-value", prefix + "-s1-value")) {
        List<Integer> expected =
            IntStream.rangeClosed(1, THREADS * PER_THREAD / 2).boxed().toList();
        assertThat(versions(a.http(), s)).containsExactlyElementsOf(expected);
        assertThat(versions(b.http(), s)).containsExactlyElementsOf(expected);
      }
      seenByA = snapshot(a.http(), prefix);
      assertThat(snapshot(b.http(), prefix))
          .as("both instances hold the same state")
          .isEqualTo(seenByA);
      for (Registered r : told) {
        assertThat(seenByA.get(r.subject()).get(r.version()))
            .as("what the client was told holds")
            .isEqualTo(r.id());
      }
    }

    try (Instance restarted = start(kafka, topic)) {
      assertThat(snapshot(restarted.http(), prefix))
          .as("a restart replays the same ids and versions")
          .isEqualTo(seenByA);
      Registered again = register(restarted.http(), prefix + "-s0-value", evolving(0, 0));
      assertThat(again.id())
          .isEqualTo(
              told.stream()
                  .filter(r -> r.schema().equals(again.schema()))
                  .findFirst()
                  .orElseThrow()
                  .id());
      Registered fresh = register(restarted.http(), prefix + "-late-value", evolving(99, 99));
      assertThat(fresh.id())
          .as("new ids continue after the highest")
          .isEqualTo(THREADS * PER_THREAD + 2);
      seenByA = snapshot(restarted.http(), prefix);
      assertThat(restarted.http().delete("/subjects/" + prefix + "-s1-value/versions/2").status())
          .isEqualTo(200);
      assertThat(
              restarted
                  .http()
                  .delete("/subjects/" + prefix + "-s1-value/versions/2?permanent=true")
                  .status())
          .isEqualTo(200);
      assertThat(
              restarted
                  .http()
                  .put("/config/" + prefix + "-s0-value", "{\"compatibility\":\"FULL\"}")
                  .status())
          .isEqualTo(200);
      seenByA = snapshot(restarted.http(), prefix);
    }

    String compacted = TestTopics.unique("mesh-contracts-compacted");
    copyLatestPerKey(kafka, topic, compacted);
    try (Instance replayed = start(kafka, compacted)) {
      assertThat(snapshot(replayed.http(), prefix))
          .as("a log holding only the newest record per key replays to the same state")
          .isEqualTo(seenByA);
      assertThat(
              replayed
                  .http()
                  .get("/config/" + prefix + "-s0-value")
                  .json()
                  .path("compatibilityLevel")
                  .asText())
          .isEqualTo("FULL");
      Registered next = register(replayed.http(), prefix + "-late-value", evolving(100, 100));
      assertThat(next.id()).isEqualTo(THREADS * PER_THREAD + 3);
    }
  }

  private static List<Integer> versions(RegistryHttp http, String subject) {
    List<Integer> out = new ArrayList<>();
    http.get("/subjects/" + subject + "/versions").json().forEach(n -> out.add(n.asInt()));
    return out;
  }

  /** subject -> version -> id, for every subject with the prefix, plus each id's schema text. */
  private static Map<String, Map<Integer, Integer>> snapshot(RegistryHttp http, String prefix) {
    Map<String, Map<Integer, Integer>> out = new TreeMap<>();
    for (JsonNode s : http.get("/subjects?subjectPrefix=" + prefix).json()) {
      Map<Integer, Integer> versions = new TreeMap<>();
      for (int v : versions(http, s.asText())) {
        JsonNode version = http.get("/subjects/" + s.asText() + "/versions/" + v).json();
        versions.put(v, version.path("id").asInt());
        assertThat(
                http.get("/schemas/ids/" + version.path("id").asInt())
                    .json()
                    .path("schema")
                    .asText())
            .isEqualTo(version.path("schema").asText());
      }
      out.put(s.asText(), versions);
    }
    return out;
  }

  /** What compaction leaves: the newest record per key, tombstones dropped, in offset order. */
  private static void copyLatestPerKey(TestKafka kafka, String from, String to) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> all =
        KafkaTestClients.readAll(kafka, from, Integer.MAX_VALUE, Duration.ofSeconds(5));
    Map<String, ConsumerRecord<byte[], byte[]>> latest = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : all) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      latest.remove(key);
      latest.put(key, r);
    }
    List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(latest.values());
    kept.sort((x, y) -> Long.compare(x.offset(), y.offset()));
    assertThat(kept.size()).as("the copy really drops superseded records").isLessThan(all.size());
    KafkaTestClients.createTopics(kafka, 1, to);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(kafka)) {
      for (ConsumerRecord<byte[], byte[]> r : kept) {
        if (r.value() != null) {
          producer.send(new ProducerRecord<>(to, 0, r.key(), r.value())).get();
        }
      }
    }
  }
}
