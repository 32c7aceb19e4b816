package dev.datamesh.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
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

  /** Prints the 12 threads that used the most CPU since {@code before}, per record. */
  static void printBusiest(String label, Map<String, Long> before, long records) {
    Map<String, Long> after = byThread();
    System.out.println("CPU per record by thread, " + label + " (µs):");
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(12)
        .forEach(e -> System.out.printf("  %8.2f  %s%n", e.getValue() / 1e3 / records, e.getKey()));
  }

  private static String role(String threadName) {
    return UUID_PATTERN.matcher(threadName).replaceAll("*").replaceAll("\\d+", "N");
  }
}
