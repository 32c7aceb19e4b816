package dev.datamesh.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.contracts.serde.AvroDeserializer;
import dev.datamesh.contracts.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the mesh's Avro serde with a warm cache vs plain Avro on the benchmark's 15-field record.
 * The serde talks to a stub registry (the JDK's HTTP server, answering the one register and the one
 * lookup by id) only on the first call; every measured call hits the caches. Public because JMH's
 * generated code extends it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerdeBenchmark {
  private static final String TOPIC = "bench.serde";
  private static final int HEADER = 5; // magic byte + schema id

  @Param({"200"})
  public int recordBytes;

  private HttpServer registry;
  private GenericRecord record;
  private byte[] framed;
  private byte[] plain;
  private GenericDatumWriter<GenericRecord> writer;
  private GenericDatumReader<GenericRecord> reader;
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
  private AvroSerializer<Object> serializer;
  private AvroDeserializer<Object> deserializer;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Schema schema =
        ContractLoader.create()
            .load(new BenchContract("serde", true, false).yaml())
            .contract()
            .orElseThrow()
            .valueSchema();
    registry = stubRegistry(schema);
    String url = "http://127.0.0.1:" + registry.getAddress().getPort();
    serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", url), false);
    deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of("schema.registry.url", url), false);
    BenchRecords records = new BenchRecords(schema, 1, recordBytes);
    framed = records.value(42);
    writer = new GenericDatumWriter<>(schema);
    reader = new GenericDatumReader<>(schema);
    BinaryDecoder first =
        DecoderFactory.get().binaryDecoder(framed, HEADER, framed.length - HEADER, null);
    record = reader.read(null, first);
    plain = plainEncode();
    // warm the serde's caches outside the measurement
    deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, record));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    serializer.close();
    deserializer.close();
    registry.stop(0);
  }

  @Benchmark
  public byte[] plainEncode() throws IOException {
    out.reset();
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public byte[] serdeEncode() {
    return serializer.serialize(TOPIC, record);
  }

  @Benchmark
  public GenericRecord plainDecode() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(plain, decoder);
    return reader.read(null, decoder);
  }

  @Benchmark
  public Object serdeDecode() {
    return deserializer.deserialize(TOPIC, framed);
  }

  /** Answers register (id 1) and GET /schemas/ids/1 for {@code schema}; nothing else. */
  private static HttpServer stubRegistry(Schema schema) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String quoted = new ObjectMapper().writeValueAsString(schema.toString());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              path.startsWith("/schemas/ids/")
                  ? "{\"schema\":" + quoted + "}"
                  : "{\"id\":1,\"version\":1,\"subject\":\"" + TOPIC + "-value\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }
}
