package dev.datamesh.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.SchemaRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {

  private static Outcome.Failed<SchemaRequest> failed(String body) {
    Outcome<SchemaRequest> outcome =
        Bodies.read(body.getBytes(StandardCharsets.UTF_8), SchemaRequest.class, 1 << 20);
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    return (Outcome.Failed<SchemaRequest>) outcome;
  }

  @Test
  void aBodyOfTheWrongShapeNamesWhereWithoutJavaTypes() {
    Outcome.Failed<SchemaRequest> f =
        failed("{\"schema\": \"\\\"string\\\"\", \"references\": \"all\"}");
    assertThat(f.error().code()).isEqualTo(RegistryErrorCode.UNPROCESSABLE_REQUEST);
    assertThat(f.error().message())
        .contains("/references")
        .doesNotContain("java.", "dev.datamesh", "Exception");
  }

  @Test
  void malformedJsonIsAMalformedRequest() {
    assertThat(failed("{\"schema\"").error().code()).isEqualTo(RegistryErrorCode.MALFORMED_REQUEST);
  }
}
