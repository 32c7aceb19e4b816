package dev.datamesh.registry.http;

import dev.datamesh.registry.auth.WriteAccess;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.RegistryConfig;
import dev.datamesh.registry.subjects.RegistryOperations;
import dev.datamesh.registry.subjects.SchemaRequest;
import dev.datamesh.registry.subjects.SchemaView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.util.concurrent.CompletableFuture;

/** {@code /subjects}: listing, lookup, registration, versions and deletion. */
@Controller("/subjects")
@Produces(RegistryReplies.CONTENT_TYPE)
@Consumes({
  RegistryReplies.CONTENT_TYPE,
  "application/vnd.schemaregistry+json",
  "application/json",
  "application/octet-stream"
})
final class SubjectController {
  private final RegistryOperations registry;
  private final int maxBytes;

  SubjectController(RegistryOperations registry, RegistryConfig config) {
    this.registry = registry;
    this.maxBytes = config.maxSchemaBytes();
  }

  @Get
  HttpResponse<byte[]> subjects(HttpRequest<?> request) {
    return RegistryReplies.ok(
        registry.subjects(
            Params.text(request, "subjectPrefix"),
            Params.flag(request, "deleted"),
            Params.flag(request, "deletedOnly"),
            Params.integer(request, "offset", 0),
            Params.integer(request, "limit", -1)));
  }

  @Get("/{subject}/versions")
  HttpResponse<byte[]> versions(@PathVariable String subject, HttpRequest<?> request) {
    return Answers.of(
        registry.versions(
            subject, Params.flag(request, "deleted"), Params.flag(request, "deletedOnly")));
  }

  @Post("/{subject}/versions")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> register(
      @PathVariable String subject, @Body byte[] body, HttpRequest<?> request) {
    Outcome<SchemaRequest> parsed = Bodies.read(body, SchemaRequest.class, maxBytes);
    if (!(parsed instanceof Outcome.Ok<SchemaRequest> ok)) {
      return Answers.now(parsed);
    }
    return Answers.of(
        registry.register(
            subject,
            ok.value(),
            Params.optionalFlag(request, "normalize"),
            Params.flag(request, "force")));
  }

  @Post("/{subject}")
  HttpResponse<byte[]> lookup(
      @PathVariable String subject, @Body byte[] body, HttpRequest<?> request) {
    Outcome<SchemaRequest> parsed = Bodies.read(body, SchemaRequest.class, maxBytes);
    if (!(parsed instanceof Outcome.Ok<SchemaRequest> ok)) {
      return Answers.of(parsed);
    }
    return Answers.of(
        registry.lookup(
            subject,
            ok.value(),
            Params.optionalFlag(request, "normalize"),
            Params.flag(request, "deleted")));
  }

  @Get("/{subject}/versions/{version}")
  HttpResponse<byte[]> version(
      @PathVariable String subject, @PathVariable String version, HttpRequest<?> request) {
    return Answers.of(registry.version(subject, version, Params.flag(request, "deleted")));
  }

  @Get("/{subject}/versions/{version}/schema")
  HttpResponse<byte[]> rawSchema(
      @PathVariable String subject, @PathVariable String version, HttpRequest<?> request) {
    Outcome<SchemaView> found = registry.version(subject, version, Params.flag(request, "deleted"));
    if (found instanceof Outcome.Ok<SchemaView> ok) {
      return HttpResponse.<byte[]>ok(
              ok.value().schema().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .contentType(RegistryReplies.CONTENT_TYPE);
    }
    return Answers.of(found);
  }

  @Get("/{subject}/versions/{version}/referencedby")
  HttpResponse<byte[]> referencedBy(@PathVariable String subject, @PathVariable String version) {
    return Answers.of(registry.referencedBy(subject, version));
  }

  @Get("/{subject}/metadata")
  HttpResponse<byte[]> latestWithMetadata(@PathVariable String subject, HttpRequest<?> request) {
    return Answers.of(
        registry.latestWithMetadata(
            subject, Params.pairs(request, "key", "value"), Params.flag(request, "deleted")));
  }

  @Delete("/{subject}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> deleteSubject(
      @PathVariable String subject, HttpRequest<?> request) {
    return Answers.of(registry.deleteSubject(subject, Params.flag(request, "permanent")));
  }

  @Delete("/{subject}/versions/{version}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> deleteVersion(
      @PathVariable String subject, @PathVariable String version, HttpRequest<?> request) {
    return Answers.of(registry.deleteVersion(subject, version, Params.flag(request, "permanent")));
  }
}
