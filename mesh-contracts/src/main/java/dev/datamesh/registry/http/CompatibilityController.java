package dev.datamesh.registry.http;

import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.RegistryConfig;
import dev.datamesh.registry.subjects.RegistryOperations;
import dev.datamesh.registry.subjects.SchemaRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/** {@code /compatibility}: would a schema be accepted under a subject? (A read: no token.) */
@Controller("/compatibility/subjects/{subject}")
@Produces(RegistryReplies.CONTENT_TYPE)
@Consumes({
  RegistryReplies.CONTENT_TYPE,
  "application/vnd.schemaregistry+json",
  "application/json",
  "application/octet-stream"
})
final class CompatibilityController {
  private final RegistryOperations registry;
  private final int maxBytes;

  CompatibilityController(RegistryOperations registry, RegistryConfig config) {
    this.registry = registry;
    this.maxBytes = config.maxSchemaBytes();
  }

  @Post("/versions/{version}")
  HttpResponse<byte[]> againstVersion(
      @PathVariable String subject,
      @PathVariable String version,
      @Body byte[] body,
      HttpRequest<?> request) {
    return check(subject, version, body, request);
  }

  @Post("/versions")
  HttpResponse<byte[]> againstAll(
      @PathVariable String subject, @Body byte[] body, HttpRequest<?> request) {
    return check(subject, null, body, request);
  }

  private HttpResponse<byte[]> check(
      String subject, String version, byte[] body, HttpRequest<?> request) {
    Outcome<SchemaRequest> parsed = Bodies.read(body, SchemaRequest.class, maxBytes);
    if (!(parsed instanceof Outcome.Ok<SchemaRequest> ok)) {
      return Answers.of(parsed);
    }
    return Answers.of(
        registry.checkCompatibility(subject, version, ok.value(), Params.flag(request, "verbose")));
  }
}
