package dev.datamesh.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the whole benchmark process (broker, clients and services: they share one JVM) and of
 * one named thread. On a machine whose cores are all busy, CPU per record is a steadier measure of
 * what a path costs than records per second, which swing with whatever else is scheduled.
 */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private CpuClock() {}

  /** CPU nanoseconds used by this JVM so far, or -1 where the platform does not say. */
  static long process() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** CPU nanoseconds of the live thread named {@code name}, or -1 if there is none. */
  static long thread(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return THREADS.getThreadCpuTime(t.getId());
      }
    }
    return -1;
  }

  /**
   * CPU nanoseconds per thread name, with numbers and UUIDs in names collapsed so that the threads
   * of one role (request handlers, a client's network thread) add up.
   */
  static Map<String, Long> byThread() {
    Map<String, Long> cpu = new HashMap<>();

    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long nanos = THREADS.getThreadCpuTime(t.getId());
      if (nanos > 0) {
        cpu.merge(role(t.getName()), nanos, Long::sum);
      }
    }
    return cpu;
  }

  /**
   * Prints the 12 threads that used the most CPU since {@code before}, per record, and what the
   * process used beyond all Java threads (the JVM's own: GC and JIT compiler threads).
   */
  static void printBusiest(
      String label, Map<String, Long> before, JvmWork workBefore, long records, long processNanos) {
    Map<String, Long> after = byThread();
    JvmWork work = jvmWork();
    System.out.println("CPU per record by thread, " + label + " (µs):");
    List<Map.Entry<String, Long>> used =
        after.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .toList();
    used.stream()
        .limit(12)
        .forEach(e -> System.out.printf("  %8.2f  %s%n", e.getValue() / 1e3 / records, e.getKey()));
    long javaThreads = used.stream().mapToLong(Map.Entry::getValue).sum();
    System.out.printf(
        "  %8.2f  all Java threads; %.2f process; %.2f the JVM's own (GC, JIT)%n",
        javaThreads / 1e3 / records,
        processNanos / 1e3 / records,
        (processNanos - javaThreads) / 1e3 / records);
    System.out.printf(
        "  JIT compiling %d ms, GC %d ms, %d classes loaded in this window%n",
        work.jitMillis() - workBefore.jitMillis(),
        work.gcMillis() - workBefore.gcMillis(),
        work.classesLoaded() - workBefore.classesLoaded());
  }

  /** Totals since the JVM started: JIT and GC milliseconds (wall), classes loaded. */
  record JvmWork(long jitMillis, long gcMillis, long classesLoaded) {}

  /** What the JIT compilers and the garbage collectors have done so far. */
  static JvmWork jvmWork() {
    long gc = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    var jit = ManagementFactory.getCompilationMXBean();
    return new JvmWork(
        jit == null ? 0 : jit.getTotalCompilationTime(),
        gc,
        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
  }

  /**
   * Waits until the JIT compilers have been nearly idle (under 50 ms of compiling) for a second, at
   * most 15 s: what starting the previous round's services queued for compiling would otherwise be
   * compiled during the next round and charged to it.
   */
  static void awaitJitQuiet() throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    long before = jvmWork().jitMillis();
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      long now = jvmWork().jitMillis();
      if (now - before < 50) {
        return;
      }
      before = now;
    }
  }

  private static String role(String threadName) {
    return UUID_PATTERN.matcher(threadName).replaceAll("*").replaceAll("\\d+", "N");
  }
}
