package dev.datamesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.rules.RecordValidator;
import dev.datamesh.contracts.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ContractCertifierTest {
  private static final byte[] HASH_KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final DataContract contract = OrdersFixture.contract();
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final int schemaId =
      registry.add(contract.topics().rawValueSubject(), contract.valueSchema());
  private final ContractCertifier certifier =
      new ContractCertifier(
          new ProductSchemaResolver(
              registry, contract.topics().rawValueSubject(), Clock.systemUTC()),
          RecordValidator.forContract(contract),
          FieldMasker.forContract(contract, new MaskingKeys(HASH_KEY, null)));

  @Test
  void validOrderIsCertifiedWithTheEmailHashedAndEverythingElseIntact() throws IOException {
    GenericRecord order = OrdersFixture.order(contract, 7);
    Verdict verdict = certifier.certify(raw(frame(schemaId, contract.valueSchema(), order)));

    assertThat(verdict).isInstanceOf(Verdict.Certify.class);
    byte[] value = ((Verdict.Certify) verdict).value();
    assertThat(Arrays.copyOf(value, 5)).isEqualTo(prefix(schemaId));
    GenericRecord certified = decode(contract.valueSchema(), value);
    String email = certified.get("customerEmail").toString();
    assertThat(email)
        .doesNotContain("@")
        .hasSize(64)
        .isEqualTo(new MaskingKeys(HASH_KEY, null).hash("customer7@shop.example"));
    assertThat(certified.get("orderId").toString()).isEqualTo("ORD-00000007");
    assertThat(new String(value, StandardCharsets.ISO_8859_1))
        .doesNotContain("customer7@shop.example");
  }

  @Test
  void recordsCertifiedOneAfterAnotherKeepNothingOfEachOther() throws IOException {
    // the certifier decodes into the record it decoded last: nothing of one record may leak into
    // the next, whether the previous one was certified, broke a rule or did not decode
    GenericRecord withCoupon = OrdersFixture.order(contract, 11);
    withCoupon.put("couponCode", "WINTER10");
    GenericRecord badRule = OrdersFixture.order(contract, 12);
    badRule.put("orderId", "nope");
    byte[] good = frame(schemaId, contract.valueSchema(), OrdersFixture.order(contract, 13));

    GenericRecord first = certifiedRecord(withCoupon);
    assertDead(
        certifier.certify(raw(frame(schemaId, contract.valueSchema(), badRule))),
        GatewayErrorCode.RULE_VIOLATION);
    assertDead(
        certifier.certify(raw(Arrays.copyOf(good, good.length - 8))),
        GatewayErrorCode.UNDECODABLE_PAYLOAD);
    GenericRecord second = certifiedRecord(OrdersFixture.order(contract, 14));

    assertThat(first.get("couponCode").toString()).isEqualTo("WINTER10");
    assertThat(first.get("orderId").toString()).isEqualTo("ORD-00000011");
    assertThat(second.get("couponCode")).isNull();
    assertThat(second.get("orderId").toString()).isEqualTo("ORD-00000014");
    assertThat(second.get("customerEmail").toString())
        .isEqualTo(new MaskingKeys(HASH_KEY, null).hash("customer14@shop.example"));
    assertThat(plainCertifier().certify(raw(good))).isInstanceOf(Verdict.Certify.class);
  }

  private GenericRecord certifiedRecord(GenericRecord order) throws IOException {
    Verdict verdict = certifier.certify(raw(frame(schemaId, contract.valueSchema(), order)));
    assertThat(verdict).isInstanceOf(Verdict.Certify.class);
    return decode(contract.valueSchema(), ((Verdict.Certify) verdict).value());
  }

  @Test
  void productWithoutMaskingCertifiesTheOriginalBytes() throws IOException {
    ContractCertifier plain = plainCertifier();
    byte[] bytes = frame(schemaId, contract.valueSchema(), OrdersFixture.order(contract, 1));
    Verdict verdict = plain.certify(raw(bytes));
    assertThat(((Verdict.Certify) verdict).value()).isSameAs(bytes);
  }

  @Test
  void withoutMaskingFieldsNoRuleReadsAreSkippedButStillCheckedToDecode() throws IOException {
    ContractCertifier plain = plainCertifier();
    byte[] good = frame(schemaId, contract.valueSchema(), OrdersFixture.order(contract, 1));
    GenericRecord badRule = OrdersFixture.order(contract, 2);
    badRule.put("orderId", "nope");

    assertThat(plain.certify(raw(good))).isInstanceOf(Verdict.Certify.class);
    assertDead(
        plain.certify(raw(frame(schemaId, contract.valueSchema(), badRule))),
        GatewayErrorCode.RULE_VIOLATION);
    assertTruncatedAndOverlongAreUndecodable(plain, good);
  }

  @Test
  void withoutMaskingAnEnumSymbolOutOfRangeInAFieldWithoutRulesIsUndecodable() throws IOException {
    // the registered writer has tier {GOLD, SILVER}; the producer wrote index 2 (a third symbol)
    Schema registered = withTier(contract.valueSchema(), "GOLD", "SILVER");
    Schema wider = withTier(contract.valueSchema(), "GOLD", "SILVER", "BRONZE");
    int id = registry.add(contract.topics().rawValueSubject(), registered);
    GenericRecord order = copyInto(wider, OrdersFixture.order(contract, 4));
    order.put("tier", new GenericData.EnumSymbol(wider.getField("tier").schema(), "BRONZE"));
    GenericRecord fine = copyInto(registered, OrdersFixture.order(contract, 5));
    fine.put("tier", new GenericData.EnumSymbol(registered.getField("tier").schema(), "GOLD"));

    assertDead(
        plainCertifier().certify(raw(frame(id, wider, order))),
        GatewayErrorCode.UNDECODABLE_PAYLOAD);
    assertThat(plainCertifier().certify(raw(frame(id, registered, fine))))
        .isInstanceOf(Verdict.Certify.class);
  }

  private ContractCertifier plainCertifier() {
    return new ContractCertifier(
        new ProductSchemaResolver(registry, contract.topics().rawValueSubject(), Clock.systemUTC()),
        RecordValidator.forContract(contract),
        emptyMasker());
  }

  private static Schema withTier(Schema base, String... symbols) {
    java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : base.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            "tier", Schema.createEnum("Tier", null, base.getNamespace(), Arrays.asList(symbols))));
    return Schema.createRecord(base.getName(), null, base.getNamespace(), false, fields);
  }

  private static GenericRecord copyInto(Schema schema, GenericRecord from) {
    GenericData.Record to = new GenericData.Record(schema);
    for (Schema.Field f : from.getSchema().getFields()) {
      to.put(f.name(), from.get(f.name()));
    }
    return to;
  }

  @Test
  void ruleViolationIsDeadLetteredWithTheFieldPointer() throws IOException {
    GenericRecord order = OrdersFixture.order(contract, 3);
    order.put("orderId", "not-an-order-id");
    Verdict verdict = certifier.certify(raw(frame(schemaId, contract.valueSchema(), order)));
    assertDead(verdict, GatewayErrorCode.RULE_VIOLATION);
    Verdict.DeadLetter dead = (Verdict.DeadLetter) verdict;
    assertThat(dead.field()).isEqualTo("/orderId");
    assertThat(dead.ruleName()).isEqualTo("RECORD_PATTERN_MISMATCH");
  }

  @Test
  void garbageBytesAreDeadLetteredAsBadMagicByte() {
    assertDead(
        certifier.certify(raw("hello world".getBytes(StandardCharsets.UTF_8))),
        GatewayErrorCode.BAD_MAGIC_BYTE);
  }

  @Test
  void shortRecordsAreDeadLetteredAsTruncated() {
    assertDead(certifier.certify(raw(new byte[] {0, 0, 1})), GatewayErrorCode.TRUNCATED);
    assertDead(certifier.certify(raw(new byte[0])), GatewayErrorCode.TRUNCATED);
  }

  @Test
  void unknownSchemaIdIsDeadLettered() throws IOException {
    byte[] bytes = frame(999, contract.valueSchema(), OrdersFixture.order(contract, 1));
    assertDead(certifier.certify(raw(bytes)), GatewayErrorCode.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void schemaOfAnotherProductIsDeadLettered() throws IOException {
    Schema other = SchemaBuilder.record("Payment").fields().requiredString("id").endRecord();
    int foreign = registry.add("payments.transaction.raw-value", other);
    GenericRecord payment = new GenericData.Record(other);
    payment.put("id", "p-1");
    assertDead(
        certifier.certify(raw(frame(foreign, other, payment))),
        GatewayErrorCode.SCHEMA_NOT_OF_PRODUCT);
  }

  @Test
  void truncatedAndOverlongPayloadsAreUndecodable() throws IOException {
    byte[] good = frame(schemaId, contract.valueSchema(), OrdersFixture.order(contract, 1));
    assertTruncatedAndOverlongAreUndecodable(certifier, good);
  }

  @Test
  void encryptWithoutAKeyIsAMaskingFailureNotALeak() throws IOException {
    FieldMasker.MaskedField email =
        new FieldMasker.MaskedField(
            "/customerEmail",
            java.util.List.of("customerEmail"),
            dev.datamesh.contracts.MaskingStrategy.ENCRYPT);
    FieldMasker masker = FieldMasker.of(java.util.List.of(email), new MaskingKeys(HASH_KEY, null));
    ContractCertifier encrypting =
        new ContractCertifier(
            new ProductSchemaResolver(
                registry, contract.topics().rawValueSubject(), Clock.systemUTC()),
            RecordValidator.forContract(contract),
            masker);
    Verdict verdict =
        encrypting.certify(
            raw(frame(schemaId, contract.valueSchema(), OrdersFixture.order(contract, 2))));
    assertDead(verdict, GatewayErrorCode.MASKING_FAILED);
    assertThat(((Verdict.DeadLetter) verdict).field()).isEqualTo("/customerEmail");
  }

  @Test
  void unreachableRegistryAsksForARetryInsteadOfDeadLettering() throws IOException {
    byte[] bytes = frame(schemaId + 50, contract.valueSchema(), OrdersFixture.order(contract, 1));
    registry.down = true;
    assertThatThrownBy(() -> certifier.certify(raw(bytes)))
        .isInstanceOf(CertificationUnavailableException.class);
  }

  private static FieldMasker emptyMasker() {
    return FieldMasker.of(java.util.List.of(), new MaskingKeys(HASH_KEY, null));
  }

  private static void assertDead(Verdict verdict, GatewayErrorCode code) {
    assertThat(verdict).isInstanceOf(Verdict.DeadLetter.class);
    assertThat(((Verdict.DeadLetter) verdict).code()).isEqualTo(code);
    assertThat(((Verdict.DeadLetter) verdict).reason()).isNotBlank();
  }

  private static ConsumerRecord<byte[], byte[]> raw(byte[] value) {
    return new ConsumerRecord<>(
        "orders.order-placed.raw", 0, 0L, "k".getBytes(StandardCharsets.UTF_8), value);
  }

  private static byte[] prefix(int id) {
    byte[] prefix = new byte[5];
    WireFormat.writePrefix(prefix, id);
    return prefix;
  }

  static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix(id));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static GenericRecord decode(Schema schema, byte[] framed) throws IOException {
    return new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null));
  }

  private static void assertTruncatedAndOverlongAreUndecodable(
      ContractCertifier certifier, byte[] good) {
    assertDead(
        certifier.certify(raw(Arrays.copyOf(good, good.length - 8))),
        GatewayErrorCode.UNDECODABLE_PAYLOAD);
    assertDead(
        certifier.certify(raw(Arrays.copyOf(good, good.length + 3))),
        GatewayErrorCode.UNDECODABLE_PAYLOAD);
  }
}
