package dev.datamesh.registry.http;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.RegistryOperations;
import dev.datamesh.registry.subjects.SchemaIdView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** {@code /schemas}: schemas by global id or GUID, and the supported types. */
@Controller("/schemas")
@Produces(RegistryReplies.CONTENT_TYPE)
final class SchemaController {
  private final RegistryOperations registry;

  SchemaController(RegistryOperations registry) {
    this.registry = registry;
  }

  @Get("/ids/{id}")
  HttpResponse<byte[]> byId(@PathVariable String id, HttpRequest<?> request) {
    return withId(id, n -> Answers.of(registry.schemaById(n, Params.flag(request, "fetchMaxId"))));
  }

  @Get("/ids/{id}/schema")
  HttpResponse<byte[]> rawById(@PathVariable String id) {
    return withId(
        id,
        n -> {
          Outcome<SchemaIdView> found = registry.schemaById(n, false);
          if (found instanceof Outcome.Ok<SchemaIdView> ok) {
            return HttpResponse.<byte[]>ok(ok.value().schema().getBytes(StandardCharsets.UTF_8))
                .contentType(RegistryReplies.CONTENT_TYPE);
          }
          return Answers.of(found);
        });
  }

  @Get("/ids/{id}/subjects")
  HttpResponse<byte[]> subjects(@PathVariable String id, HttpRequest<?> request) {
    return withId(
        id, n -> Answers.of(registry.subjectsOfSchema(n, Params.flag(request, "deleted"))));
  }

  @Get("/ids/{id}/versions")
  HttpResponse<byte[]> versions(@PathVariable String id, HttpRequest<?> request) {
    return withId(
        id, n -> Answers.of(registry.versionsOfSchema(n, Params.flag(request, "deleted"))));
  }

  @Get("/guids/{guid}")
  HttpResponse<byte[]> byGuid(@PathVariable String guid) {
    return Answers.of(registry.schemaByGuid(guid));
  }

  @Get("/types")
  HttpResponse<byte[]> types() {
    return RegistryReplies.ok(registry.schemaTypes());
  }

  private static HttpResponse<byte[]> withId(String text, IntFunction<HttpResponse<byte[]>> then) {
    try {
      return then.apply(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return RegistryReplies.error(
          RegistryErrorCode.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
    }
  }
}
