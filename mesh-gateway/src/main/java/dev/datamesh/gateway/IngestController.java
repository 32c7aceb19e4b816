package dev.datamesh.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/**
 * {@code POST /products/{productId}/events}: one JSON event or an array of them, validated against
 * the product's contract synchronously and written to its raw topic as Avro in the Confluent wire
 * format. All or nothing for validation: one invalid event rejects the request (422, every
 * violation listed with its event index) and nothing is written.
 */
@Controller("/products")
final class IngestController {
  private final IngestService ingest;

  IngestController(IngestService ingest) {
    this.ingest = ingest;
  }

  @Post(
      uri = "/{productId}/events",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> ingest(
      @PathVariable String productId,
      @Body @Nullable String body,
      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
    ApiReply reply = ingest.ingest(productId, body == null ? "" : body, authorization);
    return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(reply.status()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(reply.json());
  }
}
