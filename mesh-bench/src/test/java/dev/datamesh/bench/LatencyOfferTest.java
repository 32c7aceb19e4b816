package dev.datamesh.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.contracts.odcs.ContractLoader;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class LatencyOfferTest {
  private static final int RATE = 20_000;
  private static final int MEASURED = 3_000;

  @Test
  void exactlyTheMeasuredRecordsCarryTheirDueTimesOneIntervalApart() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    BenchRecords records =
        new BenchRecords(
            ContractLoader.create()
                .load(new BenchContract("offer", false, false).yaml())
                .contract()
                .orElseThrow()
                .valueSchema(),
            1,
            200);
    LatencyRun.Offer offer = new LatencyRun.Offer(producer, "in", records, RATE, MEASURED);
    Thread thread = new Thread(offer);
    thread.start();
    Thread.sleep(200); // warming records, offered without a due time
    offer.measureFromNow();
    thread.join(30_000);

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    List<Long> dues =
        sent.stream()
            .map(r -> r.headers().lastHeader(LatencyRun.DUE))
            .filter(h -> h != null)
            .map(Header::value)
            .map(v -> ByteBuffer.wrap(v).getLong())
            .toList();
    int firstMeasured = sent.size() - MEASURED;
    assertThat(thread.isAlive()).isFalse();
    assertThat(dues).hasSize(MEASURED);
    assertThat(firstMeasured).isPositive();
    assertThat(sent.subList(0, firstMeasured))
        .allSatisfy(r -> assertThat(r.headers().lastHeader(LatencyRun.DUE)).isNull());
    long interval = 1_000_000_000L / RATE;
    for (int i = 1; i < dues.size(); i++) {
      assertThat(dues.get(i) - dues.get(i - 1)).isEqualTo(interval);
    }
  }
}
