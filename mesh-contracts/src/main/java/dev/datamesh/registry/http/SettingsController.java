package dev.datamesh.registry.http;

import dev.datamesh.registry.auth.WriteAccess;
import dev.datamesh.registry.subjects.ConfigUpdate;
import dev.datamesh.registry.subjects.ModeView;
import dev.datamesh.registry.subjects.Outcome;
import dev.datamesh.registry.subjects.RegistryOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import java.util.concurrent.CompletableFuture;

/** {@code /config} and {@code /mode}, global and per subject. */
@Controller
@Produces(RegistryReplies.CONTENT_TYPE)
@Consumes({
  RegistryReplies.CONTENT_TYPE,
  "application/vnd.schemaregistry+json",
  "application/json",
  "application/octet-stream"
})
final class SettingsController {
  private static final int MAX_SETTINGS_BYTES = 256 * 1024;
  private final RegistryOperations registry;

  SettingsController(RegistryOperations registry) {
    this.registry = registry;
  }

  @Get("/config")
  HttpResponse<byte[]> globalConfig() {
    return Answers.of(registry.config(null, true));
  }

  @Put("/config")
  @WriteAccess(global = true)
  CompletableFuture<HttpResponse<byte[]>> updateGlobalConfig(@Body byte[] body) {
    return updateConfig(null, body);
  }

  @Delete("/config")
  @WriteAccess(global = true)
  CompletableFuture<HttpResponse<byte[]>> deleteGlobalConfig() {
    return Answers.of(registry.deleteConfig(null));
  }

  @Get("/config/{subject}")
  HttpResponse<byte[]> subjectConfig(@PathVariable String subject, HttpRequest<?> request) {
    return Answers.of(registry.config(subject, Params.flag(request, "defaultToGlobal")));
  }

  @Put("/config/{subject}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> updateSubjectConfig(
      @PathVariable String subject, @Body byte[] body) {
    return updateConfig(subject, body);
  }

  @Delete("/config/{subject}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> deleteSubjectConfig(@PathVariable String subject) {
    return Answers.of(registry.deleteConfig(subject));
  }

  @Get("/mode")
  HttpResponse<byte[]> globalMode() {
    return Answers.of(registry.mode(null, true));
  }

  @Put("/mode")
  @WriteAccess(global = true)
  CompletableFuture<HttpResponse<byte[]>> updateGlobalMode(
      @Body byte[] body, HttpRequest<?> request) {
    return updateMode(null, body, request);
  }

  @Delete("/mode")
  @WriteAccess(global = true)
  CompletableFuture<HttpResponse<byte[]>> deleteGlobalMode() {
    return Answers.of(registry.deleteMode(null));
  }

  @Get("/mode/{subject}")
  HttpResponse<byte[]> subjectMode(@PathVariable String subject, HttpRequest<?> request) {
    return Answers.of(registry.mode(subject, Params.flag(request, "defaultToGlobal")));
  }

  @Put("/mode/{subject}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> updateSubjectMode(
      @PathVariable String subject, @Body byte[] body, HttpRequest<?> request) {
    return updateMode(subject, body, request);
  }

  @Delete("/mode/{subject}")
  @WriteAccess
  CompletableFuture<HttpResponse<byte[]>> deleteSubjectMode(@PathVariable String subject) {
    return Answers.of(registry.deleteMode(subject));
  }

  private CompletableFuture<HttpResponse<byte[]>> updateConfig(String subject, byte[] body) {
    Outcome<ConfigUpdate> parsed = Bodies.read(body, ConfigUpdate.class, MAX_SETTINGS_BYTES);
    if (!(parsed instanceof Outcome.Ok<ConfigUpdate> ok)) {
      return Answers.now(parsed);
    }
    return Answers.of(registry.updateConfig(subject, ok.value()));
  }

  private CompletableFuture<HttpResponse<byte[]>> updateMode(
      String subject, byte[] body, HttpRequest<?> request) {
    Outcome<ModeView> parsed = Bodies.read(body, ModeView.class, MAX_SETTINGS_BYTES);
    if (!(parsed instanceof Outcome.Ok<ModeView> ok)) {
      return Answers.now(parsed);
    }
    return Answers.of(registry.updateMode(subject, ok.value(), Params.flag(request, "force")));
  }
}
