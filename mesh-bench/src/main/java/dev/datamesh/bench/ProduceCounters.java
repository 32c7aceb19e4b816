package dev.datamesh.bench;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Totals of every Kafka producer in this JVM, from their JMX metrics: how many produce requests
 * carried how many records and bytes. Two paths that send the same records in more, smaller
 * requests cost the broker more per record; this says whether that is what differs.
 */
record ProduceCounters(double requests, double records, double bytes) {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

  static ProduceCounters now() {
    double requests = 0;
    double records = 0;
    double bytes = 0;
    try {
      for (ObjectName name :
          SERVER.queryNames(new ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
        requests += number(name, "request-total");
        records += number(name, "record-send-total");
        bytes += number(name, "outgoing-byte-total");
      }
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("cannot read producer metrics", e);
    }
    return new ProduceCounters(requests, records, bytes);
  }

  /** One line: requests, records per request and bytes per record since {@code before}. */
  String since(ProduceCounters before) {
    double req = requests - before.requests;
    double rec = records - before.records;
    return String.format(
        "  producers: %,.0f requests, %,.1f records per request, %,.0f bytes sent per record",
        req, rec / req, (bytes - before.bytes) / rec);
  }

  private static double number(ObjectName name, String attribute)
      throws javax.management.JMException {
    Object value = SERVER.getAttribute(name, attribute);
    return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0;
  }
}
