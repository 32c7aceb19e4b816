package dev.datamesh.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.datamesh.testing.TestKafka;
import dev.datamesh.testing.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two registry JVMs on one log, written to from many threads (the same and different schemas, the
 * same and different contracts); one is SIGKILLed mid-write and restarted. Every acknowledged write
 * holds on both, the same content has one id, no contract is half applied (a contract without its
 * subjects, or a product's subject without its contract), and the restarted instance replays the
 * same ids.
 */
class RegistryCrashIT {
  private static final String SR = "application/vnd.schemaregistry.v1+json";
  private static final int THREADS = 8;

  /** One acknowledged write: what the client was told. */
  private record Told(String kind, String subject, int id) {}

  @Test
  void aRegistryKilledMidWriteLeavesNoHalfAppliedContractAndReplaysTheSameIds() throws Exception {
    TestKafka kafka = TestKafka.shared();
    int perThread = Soak.times(3, 25);
    String topic = TestTopics.unique("_mesh.contracts-crash");
    String prefix = TestTopics.unique("rc").replace('.', '-');
    Map<String, String> props = Map.of("mesh.registry.store.topic", topic);
    try (MeshJvm a = new MeshJvm("registry", kafka.bootstrapServers(), props);
        MeshJvm b = new MeshJvm("registry", kafka.bootstrapServers(), props)) {
      a.launch();
      b.launch();
      Http httpA = new Http(a.awaitReady(Duration.ofMinutes(2)));
      Http httpB = new Http(b.awaitReady(Duration.ofMinutes(2)));

      ConcurrentLinkedQueue<Told> told = new ConcurrentLinkedQueue<>();
      AtomicInteger attempts = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Http http = t % 2 == 0 ? httpA : httpB;
        futures.add(
            pool.submit(
                () -> {
                  for (int n = 0; n < perThread; n++) {
                    int i = n;
                    attempt(
                        told,
                        attempts,
                        refused,
                        "evolving",
                        () ->
                            schema(
                                http,
                                prefix + "-s" + (thread % 2) + "-value",
                                evolving(thread, i)));
                    attempt(
                        told,
                        attempts,
                        refused,
                        "common",
                        () -> schema(http, prefix + "-common-value", COMMON));
                    attempt(
                        told,
                        attempts,
                        refused,
                        "contract",
                        () -> contract(http, prefix + "-c" + thread + "-" + i));
                    attempt(
                        told,
                        attempts,
                        refused,
                        "shared-contract",
                        () -> contract(http, prefix + "-shared"));
                  }
                }));
      }
      // Kill A while the writers are busy: a third of the writes done.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (attempts.get() < THREADS * perThread * 4 / 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      a.kill();
      int attemptsAtKill = attempts.get();
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
      pool.shutdown();

      Snapshot afterCrash = Snapshot.of(httpB, prefix);
      assertNoHalfAppliedContract(afterCrash);
      assertTold(afterCrash, told);

      a.start(Duration.ofMinutes(2));
      Http restarted = new Http(a.url());
      Snapshot replayed = Snapshot.of(restarted, prefix);
      assertThat(replayed)
          .as("the restarted instance replays the same state")
          .isEqualTo(afterCrash);
      int before = afterCrash.idOf(prefix + "-s0-value", evolving(0, 0), httpB);
      assertThat(schema(restarted, prefix + "-s0-value", evolving(0, 0)).id())
          .as("a re-registration on the restarted instance gets the old id")
          .isEqualTo(before);
      System.out.printf(
          "RELIABILITY scenario=registry-sigkill writes=%d acknowledged=%d refused-by-the-killed-instance=%d"
              + " killed-after=%d contracts=%d half-applied=0 lost=0 restarts=1%n",
          attempts.get(),
          told.size(),
          refused.get(),
          attemptsAtKill,
          afterCrash.contracts().size());
    }
  }

  private static final String COMMON =
      "{\"type\":\"record\",\"name\":\"Common\",\"fields\":[{\"name\":\"c\",\"type\":\"long\"}]}";

  private static String evolving(int thread, int i) {
    return "{\"type\":\"record\",\"name\":\"Event\",\"fields\":[{\"name\":\"f_"
        + thread
        + "_"
        + i
        + "\",\"type\":\"string\",\"default\":\"\"}]}";
  }

  private interface Write {
    Told run();
  }

  private static void attempt(
      ConcurrentLinkedQueue<Told> told,
      AtomicInteger attempts,
      AtomicInteger refused,
      String kind,
      Write write) {
    try {
      told.add(write.run());
    } catch (RuntimeException e) {
      // the killed instance: connection refused or reset, or an answer that is not a success
      refused.incrementAndGet();
    } finally {
      attempts.incrementAndGet();
    }
  }

  private static Told schema(Http http, String subject, String schema) {
    Http.Reply r =
        http.post(
            "/subjects/" + subject + "/versions",
            SR,
            Http.JSON.createObjectNode().put("schema", schema).toString());
    if (r.status() != 200) {
      throw new IllegalStateException(r.status() + " " + r.body());
    }
    return new Told("schema", subject + "#" + schema, r.json().path("id").asInt());
  }

  private static Told contract(Http http, String name) {
    String yaml =
        OrdersProduct.yaml()
            .replaceFirst("(?m)^dataProduct: .*$", "dataProduct: " + name)
            .replace("property: partitions\n    value: 6", "property: partitions\n    value: 1");
    Http.Reply r = http.post("/contracts", "application/yaml", yaml);
    if (r.status() != 200) {
      throw new IllegalStateException(r.status() + " " + r.body());
    }
    return new Told("contract", "orders." + name, r.json().path("schemaId").asInt());
  }

  /** Every contract has both subjects at its schema id; every product subject has a contract. */
  private static void assertNoHalfAppliedContract(Snapshot s) {
    for (Map.Entry<String, Integer> c : s.contracts().entrySet()) {
      for (String subject : List.of(c.getKey() + ".raw-value", c.getKey() + ".certified-value")) {
        assertThat(s.subjects()).as("subject of contract " + c.getKey()).containsKey(subject);
        Map<Integer, Integer> versions = s.subjects().get(subject);
        assertThat(versions.values()).as(subject).contains(c.getValue());
      }
    }
    for (String subject : s.subjects().keySet()) {
      if (subject.startsWith("orders.")) {
        String product = subject.substring(0, subject.lastIndexOf('.'));
        assertThat(s.contracts()).as("contract of subject " + subject).containsKey(product);
      }
    }
  }

  /** What any client was told holds; the same content was told one id. */
  private static void assertTold(Snapshot s, ConcurrentLinkedQueue<Told> told) {
    Map<String, Set<Integer>> idsByContent = new TreeMap<>();
    for (Told t : told) {
      idsByContent.computeIfAbsent(t.subject(), k -> new TreeSet<>()).add(t.id());
      if (t.kind().equals("contract")) {
        assertThat(s.contracts())
            .as("acknowledged contract " + t.subject())
            .containsEntry(t.subject(), t.id());
      } else {
        String subject = t.subject().substring(0, t.subject().indexOf('#'));
        assertThat(s.subjects().get(subject).values())
            .as("acknowledged " + subject)
            .contains(t.id());
      }
    }
    idsByContent.forEach((content, ids) -> assertThat(ids).as(content).hasSize(1));
  }

  /** subject -> version -> id, and product -> schema id, for everything under the prefix. */
  private record Snapshot(
      Map<String, Map<Integer, Integer>> subjects, Map<String, Integer> contracts) {
    static Snapshot of(Http http, String prefix) {
      Map<String, Map<Integer, Integer>> subjects = new TreeMap<>();
      for (String p : List.of(prefix, "orders." + prefix)) {
        for (JsonNode s : http.get("/subjects?subjectPrefix=" + p).json()) {
          Map<Integer, Integer> versions = new TreeMap<>();
          for (JsonNode v : http.get("/subjects/" + s.asText() + "/versions").json()) {
            versions.put(
                v.asInt(),
                http.get("/subjects/" + s.asText() + "/versions/" + v.asInt())
                    .json()
                    .path("id")
                    .asInt());
          }
          subjects.put(s.asText(), versions);
        }
      }
      Map<String, Integer> contracts = new TreeMap<>();
      JsonNode list = http.get("/contracts").json();
      for (JsonNode c : list.isArray() ? list : list.path("contracts")) {
        String id = c.path("productId").asText();
        if (id.startsWith("orders." + prefix)) {
          contracts.put(id, c.path("schemaId").asInt());
        }
      }
      return new Snapshot(subjects, contracts);
    }

    int idOf(String subject, String schema, Http http) {
      Http.Reply r =
          http.post(
              "/subjects/" + subject,
              SR,
              Http.JSON.createObjectNode().put("schema", schema).toString());
      return r.json().path("id").asInt();
    }
  }
}
