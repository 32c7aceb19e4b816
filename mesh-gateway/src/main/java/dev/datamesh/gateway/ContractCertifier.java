package dev.datamesh.gateway;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.rules.RecordValidator;
import dev.datamesh.contracts.serde.AvroWire;
import dev.datamesh.contracts.serde.UnframeResult;
import dev.datamesh.contracts.serde.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Certifies one product's raw records against its contract: Confluent wire format, schema id of
 * this product, Avro decode, per-record rules, PII masking. When nothing is masked the raw bytes
 * are certified as they are; otherwise the record is re-encoded with its own writer schema and
 * framed with the same schema id. Thread-safe.
 *
 * <p>A product without masking never needs the decoded values of fields no rule reads, so those are
 * skipped rather than materialised (a reader schema projecting the fields the rules read and every
 * field holding an enum). Skipping still walks every byte of the payload: a truncated payload, a
 * bad union branch, an enum symbol out of range or bytes left over are dead-lettered exactly as a
 * full decode would.
 */
final class ContractCertifier implements RecordCertifier {
  private final ProductSchemaResolver schemas;
  private final RecordValidator validator;
  private final FieldMasker masker;
  // by schema id: a schema id's schema never changes, and hashing the Schema per record was
  // measurable (Schema.equals/hashCode walk the fields)
  private final ConcurrentHashMap<Integer, GenericDatumReader<GenericRecord>> readers =
      new ConcurrentHashMap<>();
  // Per thread: the decoder and the record decoded last, which the next decode fills in place
  // instead of allocating a record and its field array per record (Avro's fast reader still makes
  // a new Utf8 per string field it reads). Safe because nothing outlives certify(): rules read
  // the record, masking re-encodes it, and the verdict holds only bytes and strings.
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    BinaryDecoder decoder;
    GenericRecord last;
  }

  ContractCertifier(ProductSchemaResolver schemas, RecordValidator validator, FieldMasker masker) {
    this.schemas = schemas;
    this.validator = validator;
    this.masker = masker;
  }

  @Override
  public Verdict certify(ConsumerRecord<byte[], byte[]> record) {
    UnframeResult unframed = WireFormat.unframe(record.value());
    if (unframed instanceof UnframeResult.Malformed malformed) {
      return Verdict.DeadLetter.of(codeOf(malformed), malformed.message());
    }
    UnframeResult.Framed framed = (UnframeResult.Framed) unframed;
    if (framed.byGuid()) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.UNKNOWN_SCHEMA_ID,
          "schema GUID framing is not accepted on raw topics; use the 4-byte schema id");
    }
    int id = framed.schemaId();
    ProductSchemaResolver.Resolution resolution = schemas.resolve(id);
    if (resolution instanceof ProductSchemaResolver.Resolution.Unknown) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.UNKNOWN_SCHEMA_ID, "schema id " + id + " is not registered");
    }
    if (resolution instanceof ProductSchemaResolver.Resolution.NotOfProduct) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.SCHEMA_NOT_OF_PRODUCT,
          "schema id " + id + " is not a registered version of this product's raw subject");
    }
    Schema writer = ((ProductSchemaResolver.Resolution.OfProduct) resolution).schema();
    GenericRecord decoded;
    try {
      decoded = decode(id, writer, framed.buffer(), framed.payloadOffset(), framed.payloadLength());
    } catch (IOException | RuntimeException e) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.UNDECODABLE_PAYLOAD,
          "payload does not decode with schema id " + id + ": " + e.getMessage());
    }
    if (decoded == null) {
      return Verdict.DeadLetter.of(
          GatewayErrorCode.UNDECODABLE_PAYLOAD,
          "payload has bytes left over after a complete record of schema id " + id);
    }
    List<ContractViolation> violations = validator.validate(decoded);
    if (!violations.isEmpty()) {
      ContractViolation first = violations.get(0);
      String reason =
          violations.stream().map(ContractViolation::toString).collect(Collectors.joining("; "));
      return new Verdict.DeadLetter(
          GatewayErrorCode.RULE_VIOLATION, reason, first.pointer(), first.errorCode());
    }
    if (masker.isEmpty()) {
      return Verdict.unchanged(record.value());
    }
    FieldMasker.MaskingOutcome outcome = masker.mask(decoded);
    if (outcome instanceof FieldMasker.MaskingOutcome.Failed failed) {
      return new Verdict.DeadLetter(
          GatewayErrorCode.MASKING_FAILED, failed.reason(), failed.pointer(), "");
    }
    if (((FieldMasker.MaskingOutcome.Masked) outcome).count() == 0) {
      return Verdict.unchanged(record.value());
    }
    return Verdict.unchanged(AvroWire.encode(id, decoded));
  }

  /** The decoded record, or null when bytes are left over after it. */
  private GenericRecord decode(int id, Schema writer, byte[] bytes, int offset, int length)
      throws IOException {
    Scratch s = scratch.get();
    BinaryDecoder d = DecoderFactory.get().binaryDecoder(bytes, offset, length, s.decoder);
    s.decoder = d;
    GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id, i -> readerFor(writer));
    // a record of another schema is not reused: Avro allocates a new one for it
    GenericRecord result = reader.read(s.last, d);
    s.last = result;
    return d.isEnd() ? result : null;
  }

  private GenericDatumReader<GenericRecord> readerFor(Schema writer) {
    if (!masker.isEmpty() || writer.getType() != Schema.Type.RECORD) {
      return new GenericDatumReader<>(writer); // masking re-encodes the whole record
    }
    Set<String> needed = validator.fieldsRead();
    List<Schema.Field> kept = new ArrayList<>();
    for (Schema.Field f : writer.getFields()) {
      if (needed.contains(f.name()) || holdsEnum(f.schema(), new HashSet<>())) {
        kept.add(new Schema.Field(f, f.schema()));
      }
    }
    if (kept.size() == writer.getFields().size()) {
      return new GenericDatumReader<>(writer);
    }
    Schema projection =
        Schema.createRecord(
            writer.getName(), writer.getDoc(), writer.getNamespace(), writer.isError(), kept);
    return new GenericDatumReader<>(writer, projection);
  }

  /** Whether a value of {@code schema} can hold an enum, whose index only decoding checks. */
  private static boolean holdsEnum(Schema schema, Set<String> seen) {
    return switch (schema.getType()) {
      case ENUM -> true;
      case UNION -> schema.getTypes().stream().anyMatch(t -> holdsEnum(t, seen));
      case ARRAY -> holdsEnum(schema.getElementType(), seen);
      case MAP -> holdsEnum(schema.getValueType(), seen);
      case RECORD ->
          seen.add(schema.getFullName())
              && schema.getFields().stream().anyMatch(f -> holdsEnum(f.schema(), seen));
      default -> false;
    };
  }

  private static GatewayErrorCode codeOf(UnframeResult.Malformed malformed) {
    return switch (malformed.error()) {
      case BAD_MAGIC_BYTE, BAD_SCHEMA_ID_HEADER -> GatewayErrorCode.BAD_MAGIC_BYTE;
      case EMPTY, TRUNCATED -> GatewayErrorCode.TRUNCATED;
      case INVALID_SCHEMA_ID -> GatewayErrorCode.UNKNOWN_SCHEMA_ID;
    };
  }
}
