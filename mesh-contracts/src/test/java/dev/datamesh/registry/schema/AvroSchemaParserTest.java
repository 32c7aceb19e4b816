package dev.datamesh.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvroSchemaParserTest {
  private final AvroSchemaParser parser = AvroSchemaParser.standard();

  private ParsedSchema valid(String text, String... references) {
    ParseResult r = parser.parse(text, List.of(references), true);
    assertThat(r).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid) r).parsed();
  }

  @Test
  void compactFormIgnoresWhitespaceAndAttributeOrderAndKeepsCustomProperties() {
    ParsedSchema a =
        valid(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}");
    ParsedSchema b =
        valid(
            "{ \"fields\" : [ { \"type\" : \"string\", \"confluent:tags\": [\"PII\"], \"name\" : \"a\" } ],\n \"name\":\"R\", \"type\":\"record\" }");
    assertThat(b.compact()).isEqualTo(a.compact());
    assertThat(a.compact()).contains("\"confluent:tags\":[\"PII\"]").doesNotContain(" ");
  }

  @Test
  void normalFormMakesDifferentlyWrittenEqualSchemasIdentical() {
    ParsedSchema a =
        valid(
            "{\"type\":\"record\",\"name\":\"N\",\"namespace\":\"x\",\"aliases\":[\"B\",\"A\"],\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"string\"}}],\"p1\":1,\"p2\":2}");
    ParsedSchema b =
        valid(
            "{\"type\":\"record\",\"name\":\"x.N\",\"aliases\":[\"x.A\",\"x.B\"],\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],\"p2\":2,\"p1\":1}");
    assertThat(a.compact()).isNotEqualTo(b.compact());
    assertThat(a.normalized()).isEqualTo(b.normalized());
    assertThat(a.normalized())
        .isEqualTo(
            "{\"type\":\"record\",\"name\":\"x.N\",\"aliases\":[\"x.A\",\"x.B\"],\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],\"p1\":1,\"p2\":2}");
    assertThat(a.matches(b.normalized())).isTrue();
  }

  @Test
  void normalFormKeepsDefaultsDocsAndLogicalTypes() {
    ParsedSchema s =
        valid(
            "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"a record\",\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"default\":0,\"doc\":\"when\"},{\"name\":\"n\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    assertThat(s.normalized())
        .contains("\"doc\":\"a record\"")
        .contains("\"logicalType\":\"timestamp-millis\"")
        .contains("\"default\":0")
        .contains("\"default\":null")
        .contains("\"doc\":\"when\"");
    assertThat(valid(s.normalized()).normalized())
        .as("the normal form is a fixed point")
        .isEqualTo(s.normalized());
  }

  @Test
  void invalidSchemasAndBadDefaultsAreRefusedWithAReason() {
    assertThat(parser.parse("{\"type\":\"nope\"}", List.of(), true))
        .isInstanceOf(ParseResult.Invalid.class);
    assertThat(parser.parse("not json", List.of(), true)).isInstanceOf(ParseResult.Invalid.class);
    assertThat(parser.parse("", List.of(), true)).isInstanceOf(ParseResult.Invalid.class);
    String badDefault =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
    ParseResult refused = parser.parse(badDefault, List.of(), true);
    assertThat(refused).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) refused).message()).isNotBlank();
    assertThat(parser.parse(badDefault, List.of(), false)).isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void referencedTypesResolveButAreNotInlined() {
    String address =
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"a\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    ParsedSchema customer =
        valid(
            "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"a\",\"fields\":[{\"name\":\"home\",\"type\":\"a.Address\"}]}",
            address);
    assertThat(customer.compact()).doesNotContain("city");
    assertThat(customer.normalized()).doesNotContain("city").contains("\"type\":\"a.Address\"");
    assertThat(customer.schema().getField("home").schema().getField("city")).isNotNull();
    assertThat(
            parser.parse(
                "{\"type\":\"record\",\"name\":\"C\",\"fields\":[{\"name\":\"h\",\"type\":\"a.Address\"}]}",
                List.of(),
                true))
        .isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void aTooDeeplyNestedSchemaIsInvalidWithAMessageFreeOfJavaClassNames() {
    ParseResult r = parser.parse("[".repeat(5_000), List.of(), true);
    assertThat(r).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) r).message())
        .contains("nesting depth")
        .doesNotContain("Exception", "com.fasterxml");
  }
}
